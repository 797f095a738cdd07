/** Vault KV v2 `undelete/`: restores the deleted secret, every version (Coffer deletes whole secrets). */
import type { KvParams } from "@/lib/vault/kv-data";
import { undelete } from "@/lib/vault/kv-versions";
import { vaultRoute } from "@/lib/vault/vault-route";

export const POST = vaultRoute<KvParams>(async (request, { caller, params }) => undelete(request, caller, params));
export const PUT = POST;
