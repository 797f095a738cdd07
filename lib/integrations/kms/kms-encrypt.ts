import "server-only";
import type { IntegrationActor } from "../../auth/actor";
import { parseInput } from "../../input/parse-input";
import { processKeyring } from "../../keys/process-keyring";
import type { KmsEncryptAnswer } from "../../../packages/contracts/src/integrations/kubernetes-kms";
import { sealForKms } from "./kms-envelope";
import { kmsEncryptSchema } from "./kms-input.schema";
import { countedKmsCall } from "./kms-usage";

/**
 * Encrypts the apiserver's DEK seed with the keyring's primary key, bound
 * to this integration. No annotations: nothing besides the ciphertext and
 * the key id is needed to decrypt, and annotations are stored in etcd in
 * the clear.
 */
export async function kmsEncrypt(actor: IntegrationActor, input: unknown): Promise<KmsEncryptAnswer> {
  return countedKmsCall(actor, "encrypt", async () => {
    const { plaintext } = parseInput(kmsEncryptSchema, input);
    try {
      const { ciphertext, keyId } = await sealForKms(processKeyring().keyring, actor, plaintext);
      return { answer: { ciphertext: ciphertext.toString("base64"), keyId, annotations: {} }, keyId };
    } finally {
      plaintext.fill(0);
    }
  });
}
