import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { effectivePermissions } from "./authorize";
import type { Permission } from "./permissions";

/**
 * What the actor may do in `namespace` (or instance-wide without one), for
 * the console to hide what it would refuse. Display only: every action
 * still calls authorize() itself.
 */
export async function heldPermissions(actor: Actor, namespace?: string | null): Promise<Set<Permission>> {
  return effectivePermissions(db, actor, namespace);
}
