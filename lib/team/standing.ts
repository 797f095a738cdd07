import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { actingRefusal, type Target } from "./guards";

/**
 * For the member page to offer only what the actor may do to this member
 * (and not write a denied event on every view). Display only: each action
 * runs the same check itself.
 */
export async function actingStanding(actor: Actor, target: Target): Promise<string | null> {
  return actingRefusal(db, actor, target, "change");
}
