import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export type ServiceAbilities = {
  create: boolean;
  update: boolean;
  delete: boolean;
  /** Add a binding: binding:manage and secret:bind (binding grants reading). */
  bind: boolean;
  /** Remove a binding: binding:manage alone. */
  unbind: boolean;
  /** Mint a token: servicetoken:manage and secret:bind (a token reads every bound value). */
  mintTokens: boolean;
  /** List and revoke tokens: servicetoken:manage alone. */
  manageTokens: boolean;
};

/** Which service buttons to show. Display only: every action is authorized again in lib. */
export async function serviceAbilities(actor: Actor, namespace: string): Promise<ServiceAbilities> {
  const held = await heldPermissions(actor, namespace);
  const secretBind = held.has("secret:bind");
  return {
    create: held.has("service:create"),
    update: held.has("service:update"),
    delete: held.has("service:delete"),
    bind: held.has("binding:manage") && secretBind,
    unbind: held.has("binding:manage"),
    mintTokens: held.has("servicetoken:manage") && secretBind,
    manageTokens: held.has("servicetoken:manage"),
  };
}
