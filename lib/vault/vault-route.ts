// The route wrapper of every /v1 (Vault KV v2) handler: the checks and
// error mapping of route() (lib/http/route.ts), answers in Vault's shape,
// and the caller's token resolved before the handler runs.
import type { ServiceActor, UserActor } from "../auth/actor";
import { BadRequest } from "../errors";
import { route } from "../http/route";
import { resolveVaultActor } from "./vault-actor";
import { inVaultShape } from "./vault-response";

export type VaultCaller = UserActor | ServiceActor;
type Context<P> = { params: Promise<P> };

/** Vault Enterprise namespaces do not exist here; a client that sets one meant another server. */
function checkVaultNamespace(request: Request): void {
  const namespace = request.headers.get("x-vault-namespace");
  if (namespace && !["root", "root/", ""].includes(namespace.trim())) {
    throw new BadRequest(
      `X-Vault-Namespace '${namespace.slice(0, 64)}' is not supported: Coffer has no Vault namespaces; its namespaces are mounts (/v1/<namespace>/data/<name>)`,
    );
  }
}

/** A /v1 route that needs no token (sys/health). */
export function vaultPublicRoute<P = Record<string, string>>(handler: (request: Request, context: { params: P }) => Promise<Response>) {
  const inner = route<P>(async (request, context) => {
    checkVaultNamespace(request);
    return handler(request, context);
  });
  return async (request: Request, context: Context<P>) => inVaultShape(await inner(request, context));
}

export function vaultRoute<P = Record<string, string>>(
  handler: (request: Request, context: { params: P; caller: VaultCaller }) => Promise<Response>,
) {
  return vaultPublicRoute<P>(async (request, { params }) => {
    const caller = await resolveVaultActor(request.headers);
    return handler(request, { params, caller });
  });
}
