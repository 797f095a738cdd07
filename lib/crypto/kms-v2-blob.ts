// What a KMS key provider stores as a wrapped data key, and how Coffer's AAD
// rides along although KMS v2 has no AAD field.
//
//   wrapped   = "ck2" ‖ 0x01 ‖ u32be(headerLength) ‖ header ‖ ciphertext
//   header    = JSON {"keyId": the plugin's key_id, "annotations": {name: base64}}
//   ciphertext= the plugin's Encrypt(plaintext)
//   plaintext = SHA-256(aad)[0..16] ‖ dek
//
// Decrypt must get back the key_id and annotations Encrypt returned (a
// plugin may need them to find its key), so they are kept in the clear, as
// the kube-apiserver keeps them in etcd. The AAD digest inside the plaintext
// ties the data key to its row: a blob copied to another secret or key name
// decrypts at the plugin but fails the prefix check here.
import { createHash, timingSafeEqual } from "node:crypto";
import { IntegrityError } from "./errors";

const MAGIC = Buffer.from([0x63, 0x6b, 0x32, 0x01]); // "ck2", format 1
const PREFIX_AT = MAGIC.length + 4;
export const AAD_DIGEST_BYTES = 16;
/** key_id < 1 kB and annotations < 32 kB (upstream limits), plus JSON and base64 overhead. */
const MAX_HEADER_BYTES = 64 * 1024;

export type KmsEnvelope = { keyId: string; annotations: Record<string, Uint8Array>; ciphertext: Buffer };

export function aadDigest(aad: Buffer): Buffer {
  return createHash("sha256").update(aad).digest().subarray(0, AAD_DIGEST_BYTES);
}

/** The plaintext handed to the plugin's Encrypt. */
export function bindToAad(dek: Buffer, aad: Buffer): Buffer {
  return Buffer.concat([aadDigest(aad), dek]);
}

/** The data key inside a decrypted plaintext; IntegrityError when it was bound to another AAD. */
export function unbindFromAad(plaintext: Buffer, aad: Buffer): Buffer {
  if (plaintext.length <= AAD_DIGEST_BYTES || !timingSafeEqual(plaintext.subarray(0, AAD_DIGEST_BYTES), aadDigest(aad))) {
    plaintext.fill(0);
    throw new IntegrityError();
  }
  return Buffer.from(plaintext.subarray(AAD_DIGEST_BYTES));
}

export function encodeEnvelope({ keyId, annotations, ciphertext }: KmsEnvelope): Buffer {
  const encoded = Object.fromEntries(Object.entries(annotations).map(([name, value]) => [name, Buffer.from(value).toString("base64")]));
  const header = Buffer.from(JSON.stringify({ keyId, annotations: encoded }), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([MAGIC, length, header, ciphertext]);
}

/** Reads what encodeEnvelope wrote; a damaged or foreign blob is an IntegrityError, like a bad tag. */
export function decodeEnvelope(wrapped: Buffer): KmsEnvelope {
  if (wrapped.length < PREFIX_AT || !wrapped.subarray(0, MAGIC.length).equals(MAGIC)) throw new IntegrityError();
  const headerLength = wrapped.readUInt32BE(MAGIC.length);
  const ciphertextAt = PREFIX_AT + headerLength;
  if (headerLength > MAX_HEADER_BYTES || ciphertextAt >= wrapped.length) throw new IntegrityError();
  const header = parseHeader(wrapped.subarray(PREFIX_AT, ciphertextAt).toString("utf8"));
  if (!header) throw new IntegrityError();
  return { ...header, ciphertext: Buffer.from(wrapped.subarray(ciphertextAt)) };
}

function parseHeader(text: string): Omit<KmsEnvelope, "ciphertext"> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(json) || typeof json.keyId !== "string" || json.keyId === "" || !isRecord(json.annotations)) return undefined;
  const annotations: Record<string, Buffer> = {};
  for (const [name, value] of Object.entries(json.annotations)) {
    if (typeof value !== "string") return undefined;
    annotations[name] = Buffer.from(value, "base64");
  }
  return { keyId: json.keyId, annotations };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
