// Who calls the Vault API: the token in X-Vault-Token (Vault's header) or
// Authorization: Bearer. A service token (cfs_) reads what is bound to
// its service; a person's API token (cfp_) acts with that person's
// permissions. Refusals are counted and audited by the two resolvers, as
// on /api/v1; an integration token has no business here.
import { recordCredentialRejection } from "../audit/credential-rejections";
import { Forbidden, Unauthorized } from "../errors";
import { contextFromHeaders } from "../http/request-context";
import { resolveServiceToken } from "../services/resolve-service-token";
import { resolveAccessToken } from "../tokens/resolve-access-token";
import { bearerToken } from "../tokens/token-secret";
import type { VaultCaller } from "./vault-route";

export function vaultToken(headers: Headers): string | null {
  const header = headers.get("x-vault-token")?.trim();
  return header || bearerToken(headers);
}

/**
 * A refused token's message says "invalid token", as Vault's does: vault-agent
 * reads its token file again only when a 403 says so (a rotated token is
 * then picked up without a restart).
 */
function invalidToken(error: unknown): never {
  if (error instanceof Unauthorized) throw new Unauthorized(`invalid token: ${error.message}`);
  throw error;
}

export async function resolveVaultActor(headers: Headers): Promise<VaultCaller> {
  const token = vaultToken(headers);
  const context = contextFromHeaders(headers);
  if (token?.startsWith("cfs_")) return resolveServiceToken(token, context).catch(invalidToken);
  if (token?.startsWith("cfi_")) {
    // Counted like any refused credential: a Swarm or KMS token probing the Vault API is worth seeing.
    await recordCredentialRejection({ kind: "integration", reason: "wrong_api", token, context, details: { api: "vault" } });
    throw new Forbidden("an integration token (cfi_) cannot use the Vault API: use a service token (cfs_) or a personal API token (cfp_)");
  }
  // Missing, malformed or unknown: resolveAccessToken refuses and counts it (a 401, which Vault's shape makes 403).
  return resolveAccessToken(token, context).catch((error: unknown) => {
    if (error instanceof Unauthorized && !token)
      throw new Unauthorized("missing client token: send X-Vault-Token (or Authorization: Bearer)");
    return invalidToken(error);
  });
}
