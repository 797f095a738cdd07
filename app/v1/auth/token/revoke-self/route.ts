import { revokeSelf } from "@/lib/vault/token-self";
import { vaultRoute } from "@/lib/vault/vault-route";

/** Revokes the calling token. */
export const POST = vaultRoute(async (request, { caller }) => revokeSelf(request, caller));
export const PUT = POST;
