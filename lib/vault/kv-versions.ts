// undelete/, destroy/ and delete/ of KV v2, which act on versions. Coffer
// deletes and restores a whole secret (its recovery window), so these map
// onto that: undelete restores the deleted secret, destroy purges a deleted
// one for good, and deleting single versions is refused with the way that works.
import { BadRequest, NotFound } from "../errors";
import { jsonBody } from "../http/route";
import { parseInput } from "../input/parse-input";
import { purgeSecret, restoreSecret } from "../secrets/deleted-secrets";
import { getSecret } from "../secrets/get-secret";
import { kvVersionsBodySchema } from "./kv-bodies.schema";
import type { KvParams } from "./kv-data";
import { namespaceOfMount, secretNameOf } from "./vault-path";
import { asCaller } from "./service-refusal";
import { vaultNoContent } from "./vault-response";
import type { VaultCaller } from "./vault-route";

async function target(request: Request, params: KvParams) {
  const name = secretNameOf(params.name, "write");
  parseInput(kvVersionsBodySchema, await jsonBody(request));
  return { namespace: namespaceOfMount(params.mount), name };
}

/** Restores the deleted secret with every version it had; a secret that is not deleted is left as it is (204, as Vault). */
export async function undelete(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const { namespace, name } = await target(request, params);
  try {
    await asCaller(caller, "undeleting", restoreSecret(caller, namespace, name));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    await getSecret(caller, namespace, name);
  }
  return vaultNoContent();
}

/** Purges a deleted secret, every version (secret:purge). A live secret must be deleted first. */
export async function destroy(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const { namespace, name } = await target(request, params);
  try {
    await asCaller(caller, "destroying", purgeSecret(caller, namespace, name));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    await getSecret(caller, namespace, name);
    throw new BadRequest(
      `secret '${name}' is not deleted: Coffer destroys only a deleted secret, all its versions at once; DELETE /v1/${params.mount}/data/${name} first`,
    );
  }
  return vaultNoContent();
}

/** Refused for every caller alike: nothing is looked up, so nothing is learnt. */
export async function deleteVersions(request: Request, _caller: VaultCaller, params: KvParams): Promise<Response> {
  const { name } = await target(request, params);
  throw new BadRequest(
    `Coffer does not delete single versions: DELETE /v1/${params.mount}/data/${name} deletes the secret into its recovery window, and POST undelete/ restores it`,
  );
}
