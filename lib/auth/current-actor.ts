import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { contextFromHeaders } from "../http/request-context";
import { auth } from "./auth";
import { actorForSession, type SessionUser } from "./session";

/** The signed-in user of this request, checked against the database. */
export async function currentActor(): Promise<SessionUser | null> {
  const session = await auth();
  if (!session?.sid) return null;
  return actorForSession(session.sid, contextFromHeaders(await headers()));
}

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireActor(): Promise<SessionUser> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
