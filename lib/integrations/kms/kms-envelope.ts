// What the Coffer server does for a kube-apiserver's KMS v2 plugin: wrap
// and unwrap the apiserver's DEK seed with a keyring key. The plugin holds
// no key; the keyring's primary encrypts and every keyring key decrypts,
// so a key added first in Coffer changes Status.key_id, and the apiserver
// then writes new data under it while old data still decrypts.
//
// A ciphertext is 0x01 ‖ the keyring's wrapped bytes, bound (AAD) to the
// integration and the key's name: another integration's ciphertext, or one
// presented under another key id, does not authenticate. The version byte
// lets a later format be told apart without guessing.
import { IntegrityError, KmsError, KmsUnavailableError, UnknownKeyError, type Keyring } from "../../crypto";
import { BadRequest, Unavailable } from "../../errors";
import { log } from "../../log/logger";

const FORMAT_V1 = 0x01;

/** Who a ciphertext belongs to: the integration, by ids (a namespace re-created under the same name is another one). */
export type KmsOwner = { namespaceId: string; id: string };

/** Names the problem of a Decrypt without any of its bytes, for the answer and the usage counts. */
export class KmsRefusal extends BadRequest {
  constructor(
    readonly reason: "unknown_key" | "integrity",
    message: string,
  ) {
    super(message, { field: reason === "unknown_key" ? "keyId" : "ciphertext" });
  }
}

function aadOf(owner: KmsOwner, keyId: string): Buffer {
  // Length-prefixed parts: no name can be chosen to make two owners' AAD equal.
  const parts = ["coffer:kms2", owner.namespaceId, owner.id, keyId];
  return Buffer.from(parts.map((part) => `${Buffer.byteLength(part)}:${part}`).join("|"));
}

/** A KMS-backed keyring key that cannot answer is an outage, not the caller's fault. */
function keyringFailure(error: unknown): never {
  if (error instanceof KmsUnavailableError || error instanceof KmsError) {
    // The key's name, not its socket path: server detail stays in the server's log.
    log.warn({ err: error }, "KMS call failed");
    throw new Unavailable(`the keyring's KMS key "${error.provider}" cannot answer; try again later`, 5);
  }
  throw error;
}

export async function sealForKms(keyring: Keyring, owner: KmsOwner, plaintext: Buffer): Promise<{ ciphertext: Buffer; keyId: string }> {
  const keyId = keyring.primary;
  const wrapped = await keyring.wrap(keyId, plaintext, aadOf(owner, keyId)).catch(keyringFailure);
  return { ciphertext: Buffer.concat([Buffer.of(FORMAT_V1), wrapped]), keyId };
}

/** The plaintext, or a KmsRefusal: never unauthenticated bytes. */
export async function openForKms(keyring: Keyring, owner: KmsOwner, ciphertext: Buffer, keyId: string): Promise<Buffer> {
  if (!keyring.has(keyId)) {
    throw new KmsRefusal("unknown_key", `unknown key id '${keyId.slice(0, 100)}': no key of Coffer's keyring has that name`);
  }
  const integrity = () =>
    new KmsRefusal("integrity", "integrity check failed: the ciphertext was altered, or was made for another integration or key id");
  if (ciphertext[0] !== FORMAT_V1) throw integrity();
  try {
    return await keyring.unwrap(keyId, ciphertext.subarray(1), aadOf(owner, keyId));
  } catch (error) {
    if (error instanceof IntegrityError) throw integrity();
    // The keyring changed between has() and unwrap(): still the caller's key id.
    if (error instanceof UnknownKeyError) throw new KmsRefusal("unknown_key", `unknown key id '${keyId.slice(0, 100)}'`);
    return keyringFailure(error);
  }
}
