// auth/token/lookup-self and revoke-self: a Vault client checks its token
// (External Secrets Operator does before it reads; hvac's is_authenticated
// too) and may give it up. Like Vault, the answer's `id` is the token the
// request carried: vault-agent's token_file method takes the token it
// hands its templates from there. The caller already holds it, and the
// answer is never stored (no-store); nothing else ever shows a token.
import { lookupOwnToken, revokeOwnToken } from "../tokens/token-self";
import { vaultToken } from "./vault-actor";
import { vaultJson, vaultNoContent } from "./vault-response";
import type { VaultCaller } from "./vault-route";

const seconds = (ms: number) => Math.max(0, Math.floor(ms / 1000));

export async function lookupSelf(request: Request, caller: VaultCaller): Promise<Response> {
  const token = await lookupOwnToken(caller);
  const now = Date.now();
  const ttl = token.expiresAt ? Math.max(1, seconds(token.expiresAt.getTime() - now)) : 0;
  return vaultJson(
    {
      accessor: token.id,
      creation_time: seconds(token.createdAt.getTime()),
      creation_ttl: token.expiresAt ? seconds(token.expiresAt.getTime() - token.createdAt.getTime()) : 0,
      display_name: token.displayName,
      entity_id: "",
      expire_time: token.expiresAt?.toISOString() ?? null,
      explicit_max_ttl: 0,
      id: vaultToken(request.headers),
      issue_time: token.createdAt.toISOString(),
      meta: { coffer_kind: token.kind, ...(token.namespace ? { namespace: token.namespace } : {}) },
      num_uses: 0,
      orphan: true,
      path: "auth/token/create",
      policies: token.policies,
      renewable: false,
      ttl,
      type: "service",
    },
    request,
  );
}

export async function revokeSelf(_request: Request, caller: VaultCaller): Promise<Response> {
  await revokeOwnToken(caller);
  return vaultNoContent();
}
