import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export type ServiceAbilities = {
  create: boolean;
  update: boolean;
  delete: boolean;
  bind: boolean;
  manageTokens: boolean;
};

/** Which service buttons to show. Display only: every action is authorized again in lib. */
export async function serviceAbilities(actor: Actor, namespace: string): Promise<ServiceAbilities> {
  const held = await heldPermissions(actor, namespace);
  return {
    create: held.has("service:create"),
    update: held.has("service:update"),
    delete: held.has("service:delete"),
    bind: held.has("binding:manage"),
    manageTokens: held.has("servicetoken:manage"),
  };
}
