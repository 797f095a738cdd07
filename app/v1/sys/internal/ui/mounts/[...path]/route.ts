import { uiMount } from "@/lib/vault/sys";
import { vaultRoute } from "@/lib/vault/vault-route";

/** The mount a path is under, and that it is KV v2: what the Vault CLI and vault-agent ask first. */
export const GET = vaultRoute<{ path: string[] }>(async (request, { caller, params }) => uiMount(request, caller, params.path));
