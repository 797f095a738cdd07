import { health } from "@/lib/vault/sys";
import { vaultPublicRoute } from "@/lib/vault/vault-route";

export const dynamic = "force-dynamic";

/** Vault's health check; no token needed. */
export const GET = vaultPublicRoute(async (request) => health(request));
