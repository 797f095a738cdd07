import { lookupSelf } from "@/lib/vault/token-self";
import { vaultRoute } from "@/lib/vault/vault-route";

/** The calling token: kind, expiry, grants (never the token itself). */
export const GET = vaultRoute(async (request, { caller }) => lookupSelf(request, caller));
