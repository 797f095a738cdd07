import "server-only";
import type { IntegrationActor } from "../../auth/actor";
import { processKeyring } from "../../keys/process-keyring";
import type { KmsStatusAnswer } from "../../../packages/contracts/src/integrations/kubernetes-kms";
import { countedKmsCall } from "./kms-usage";

/**
 * What the apiserver polls: healthy, and the key new data is encrypted
 * with. key_id is the keyring's primary, so a key added first in Coffer is
 * seen as a rotation and new DEKs are wrapped under it.
 */
export async function kmsStatus(actor: IntegrationActor): Promise<KmsStatusAnswer> {
  return countedKmsCall(actor, "status", async () => {
    const keyId = processKeyring().keyring.primary;
    return { answer: { version: "v2", healthz: "ok", keyId }, keyId };
  });
}
