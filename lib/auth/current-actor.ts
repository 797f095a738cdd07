import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { contextFromHeaders } from "../http/request-context";
import { auth } from "./auth";
import { ENROLLMENT_HREF } from "./enrollment-href";
import { owedEnrollment } from "./mfa/second-factor-policy";
import { actorForSession, type SessionUser } from "./session";

/** The signed-in user of this request, checked against the database. */
export async function currentActor(): Promise<SessionUser | null> {
  const session = await auth();
  if (!session?.sid) return null;
  return actorForSession(session.sid, contextFromHeaders(await headers()));
}

/**
 * For pages and server actions: the user, or a redirect to sign-in. A
 * member whose role requires a second factor they have not set up is sent
 * to enroll instead (issue 16), on the server, so no other page renders
 * and no other action runs for them; the profile, its enrollment actions
 * and the console's shell pass `enrolling` to stay reachable.
 */
export async function requireActor({ enrolling = false }: { enrolling?: boolean } = {}): Promise<SessionUser> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!enrolling && (await owedEnrollment(actor.id))) redirect(ENROLLMENT_HREF);
  return actor;
}
