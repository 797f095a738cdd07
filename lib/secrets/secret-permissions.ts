import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { effectivePermissions } from "../rbac/authorize";
import type { Permission } from "../rbac/permissions";

export type SecretAbilities = {
  list: boolean;
  inspect: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  purge: boolean;
};

const ABILITY_PERMISSION: Record<keyof SecretAbilities, Permission> = {
  list: "secret:list",
  inspect: "secret:inspect",
  create: "secret:create",
  update: "secret:update",
  delete: "secret:delete",
  purge: "secret:purge",
};

/**
 * Which secret actions the actor may take in `namespace`, so the console can
 * hide buttons it would refuse. Display only: every action still calls
 * authorize() itself.
 */
export async function secretAbilities(actor: Actor, namespace: string): Promise<SecretAbilities> {
  const held = await effectivePermissions(db, actor, namespace);
  const entries = Object.entries(ABILITY_PERMISSION).map(([ability, permission]) => [ability, held.has(permission)]);
  return Object.fromEntries(entries) as SecretAbilities;
}
