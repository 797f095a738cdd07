"use server";

import { signOut } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/current-actor";
import { endSession } from "@/lib/auth/session";

export async function logoutAction() {
  const actor = await currentActor();
  if (actor) await endSession(actor);
  await signOut({ redirectTo: "/login" });
}
