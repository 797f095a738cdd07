import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { narrowedByToken, permissionsOf } from "./authorize";
import { PERMISSIONS, type Permission } from "./permissions";

/**
 * What the actor may do in `namespace` (or instance-wide without one), for
 * the console to hide what it would refuse. Display only: every action
 * still calls authorize() itself.
 */
export async function heldPermissions(actor: Actor, namespace?: string | null): Promise<Set<Permission>> {
  if (actor.type === "system") return new Set(PERMISSIONS);
  if (actor.type !== "user") return new Set();
  return narrowedByToken(actor, await db.$transaction((tx) => permissionsOf(tx, actor.id, namespace)));
}
