import { BadRequest } from "@/lib/errors";
import type { KvParams } from "@/lib/vault/kv-data";
import { listKeys } from "@/lib/vault/kv-metadata";
import { isList } from "@/lib/vault/vault-path";
import { vaultRoute } from "@/lib/vault/vault-route";

/** LIST of a mount's root (`LIST /v1/<mount>/metadata/`, which arrives as GET with `list=true`). */
export const GET = vaultRoute<KvParams>(async (request, { caller, params }) => {
  if (!isList(request)) throw new BadRequest("name a secret (metadata/<name>) or list with LIST or ?list=true");
  return listKeys(request, caller, params);
});
