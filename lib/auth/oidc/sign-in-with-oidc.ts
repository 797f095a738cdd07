// A verified OIDC identity becomes a Coffer session: linked to the user with
// the same email (only when the provider says the email is verified; an
// unverified one would let anyone who can type an address take its
// account), or a new user when COFFER_OIDC_ALLOW_SIGNUP is on. Group
// mappings are applied and the session row is created in one transaction.
import { randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/record-audit";
import { db, type Tx } from "../../db/client";
import { newId } from "../../db/ids";
import { anonymousActor, userActor, type RequestContext } from "../actor";
import { emailField } from "../email";
import { hashPassword } from "../password";
import type { SignedIn } from "../sign-in";
import { applyGroupMappings } from "./apply-group-mappings";
import { oidcSettings } from "./oidc-settings";
import { openSessionRow } from "../session";
import { SsoRefused, type SsoRefusalCode } from "./sso-refusal";

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}

/** Written on its own: the refused sign-in's transaction wrote nothing. */
export async function recordSsoRefusal(
  context: RequestContext,
  label: string | null,
  reason: string,
  user?: { id: string; email: string },
) {
  await db.$transaction((tx) =>
    recordAudit(tx, anonymousActor(context, label), {
      action: "auth.sso_refused",
      outcome: "denied",
      resource: user ? { type: "user", id: user.id, name: user.email } : undefined,
      details: { reason },
    }),
  );
}

async function refuse(
  context: RequestContext,
  label: string | null,
  code: SsoRefusalCode,
  user?: { id: string; email: string },
): Promise<never> {
  await recordSsoRefusal(context, label, code, user);
  throw new SsoRefused(code);
}

/** A user without a password: a hash of random bytes nobody holds, so no password ever matches. */
async function createSsoUser(tx: Tx, email: string, name: string) {
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return tx.user.create({ data: { id: newId("usr"), email, name, passwordHash } });
}

export async function signInWithOidc(claims: Record<string, unknown>, context: RequestContext): Promise<SignedIn> {
  const settings = oidcSettings();
  if (!settings) throw new Error("single sign-on is not configured");
  const parsedEmail = emailField.safeParse(claims.email);
  const email = parsedEmail.success ? parsedEmail.data : null;
  if (!email || claims.email_verified !== true) return refuse(context, email, "email_unverified");

  const existing = await db.user.findUnique({ where: { email } });
  if (existing?.disabled) return refuse(context, email, "disabled", existing);
  if (!existing && !settings.allowSignup) return refuse(context, email, "no_account");

  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 100) : email.split("@")[0]!;
  let sessionId = "";
  const user = await db.$transaction(async (tx) => {
    // Created inside the transaction, so a sign-up that fails later leaves no user behind.
    const user = existing ?? (await createSsoUser(tx, email, name));
    const actor = userActor(user, context);
    const changes = await applyGroupMappings(tx, actor, groupsOf(claims, settings.groupsClaim));
    sessionId = await openSessionRow(tx, user.id, context);
    await recordAudit(tx, actor, {
      action: "auth.sso_login",
      resource: { type: "user", id: user.id, name: user.email },
      details: { issuer: settings.issuer, subject: String(claims.sub ?? ""), created: !existing, ...changes },
    });
    return user;
  });
  return { userId: user.id, email: user.email, name: user.name, sessionId };
}
