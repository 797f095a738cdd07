import "server-only";
import type { IntegrationActor } from "../../auth/actor";
import { isPlainObject, parseInput } from "../../input/parse-input";
import { processKeyring } from "../../keys/process-keyring";
import type { KmsDecryptAnswer } from "../../../packages/contracts/src/integrations/kubernetes-kms";
import { openForKms } from "./kms-envelope";
import { kmsDecryptSchema } from "./kms-input.schema";
import { countedKmsCall } from "./kms-usage";

/**
 * Decrypts what kmsEncrypt made for this integration, with the keyring key
 * the apiserver names: an unknown key id or a ciphertext that does not
 * authenticate is a 400 saying which, with no plaintext. Annotations are
 * checked as KMS v2 requires and otherwise ignored (kmsEncrypt sets none).
 */
export async function kmsDecrypt(actor: IntegrationActor, input: unknown): Promise<KmsDecryptAnswer> {
  const keyIdAsked = () => (isPlainObject(input) && typeof input.keyId === "string" ? input.keyId : undefined);
  return countedKmsCall(
    actor,
    "decrypt",
    async () => {
      const { ciphertext, keyId } = parseInput(kmsDecryptSchema, input);
      const plaintext = await openForKms(processKeyring().keyring, actor, ciphertext, keyId);
      const answer = { plaintext: plaintext.toString("base64") };
      plaintext.fill(0);
      return { answer, keyId };
    },
    keyIdAsked,
  );
}
