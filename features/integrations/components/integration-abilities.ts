import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export type IntegrationAbilities = {
  /** Create, list and revoke: integration:manage. */
  manage: boolean;
  /** A docker-swarm integration hands bound values to Swarm tasks, so it needs secret:bind too (as a service token does). */
  swarm: boolean;
};

/** Which integration buttons to show. Display only: lib authorizes every action again. */
export async function integrationAbilities(actor: Actor, namespace: string): Promise<IntegrationAbilities> {
  const held = await heldPermissions(actor, namespace);
  const manage = held.has("integration:manage");
  return { manage, swarm: manage && held.has("secret:bind") };
}
