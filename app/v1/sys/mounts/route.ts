import { mounts } from "@/lib/vault/sys";
import { vaultRoute } from "@/lib/vault/vault-route";

/** The namespaces the token can see, as KV v2 mounts (`default` is `secret/`). */
export const GET = vaultRoute(async (request, { caller }) => mounts(request, caller));
