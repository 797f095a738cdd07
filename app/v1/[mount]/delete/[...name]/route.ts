/** Vault KV v2 `delete/` of single versions: refused with the way that works (DELETE data/). */
import type { KvParams } from "@/lib/vault/kv-data";
import { deleteVersions } from "@/lib/vault/kv-versions";
import { vaultRoute } from "@/lib/vault/vault-route";

export const POST = vaultRoute<KvParams>(async (request, { caller, params }) => deleteVersions(request, caller, params));
export const PUT = POST;
