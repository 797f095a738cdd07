/** Vault KV v2 `destroy/`: purges a deleted secret for good, every version. */
import type { KvParams } from "@/lib/vault/kv-data";
import { destroy } from "@/lib/vault/kv-versions";
import { vaultRoute } from "@/lib/vault/vault-route";

export const POST = vaultRoute<KvParams>(async (request, { caller, params }) => destroy(request, caller, params));
export const PUT = POST;
