// First-run setup. With no user yet, start-up prints a one-time token and
// only its holder can create the first owner, so a stranger who reaches a
// fresh instance first cannot claim it.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { newId } from "../db/ids";
import { LOCKS, lockUntilCommit } from "../db/locks";
import { Forbidden, NotFound } from "../errors";
import { issuesBadRequest } from "../input/parse-input";
import { OWNER_ROLE_ID } from "../rbac/permissions";
import { anonymousActor, userActor, type RequestContext } from "./actor";
import { emailField } from "./email";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";

export const setupSchema = z.object({
  token: z.string({ error: "token is required" }).trim().min(1, "token is required"),
  email: emailField,
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name is too long"),
  password: z
    .string({ error: "password is required" })
    .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, "password is too long"),
});

const sha256 = (text: string) => createHash("sha256").update(text).digest();

export async function setupNeeded(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * Called at start-up: when no user exists, makes a new setup token (any
 * earlier one stops working) and returns it for the log; otherwise null.
 */
export async function issueSetupToken(): Promise<string | null> {
  if (!(await setupNeeded())) return null;
  const token = randomBytes(18).toString("base64url");
  const tokenHash = sha256(token).toString("hex");
  await db.setupToken.upsert({ where: { id: 1 }, create: { id: 1, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  return token;
}

const WRONG_TOKEN = "the setup token is not valid";

async function tokenMatches(tx: Tx, token: string): Promise<boolean> {
  const stored = await tx.setupToken.findUnique({ where: { id: 1 } });
  return stored !== null && timingSafeEqual(Buffer.from(stored.tokenHash, "hex"), sha256(token));
}

function recordWrongToken(tx: Tx, context: RequestContext, email: string | undefined) {
  return recordAudit(tx, anonymousActor(context, email ?? null), {
    action: "setup.complete",
    outcome: "denied",
    details: { reason: "wrong_setup_token" },
  });
}

/**
 * The token's problem, for a setup form whose other fields were refused
 * (a short password), so both come back in one answer; null when it is
 * right or setup is over. A wrong token is audited as a denied setup, as
 * completeSetup does, so probing the token this way is no quieter.
 */
export async function setupTokenProblem(token: string, context: RequestContext, email?: string): Promise<string | null> {
  if (!token.trim()) return "token is required";
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0 || (await tokenMatches(tx, token.trim()))) return null;
    await recordWrongToken(tx, context, email);
    return WRONG_TOKEN;
  });
}

export async function completeSetup(input: unknown, context: RequestContext) {
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) throw issuesBadRequest(parsed.error);
  const { token, email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);

  const result = await db.$transaction(async (tx) => {
    await lockUntilCommit(tx, LOCKS.setup);
    if ((await tx.user.count()) > 0) return { kind: "gone" as const };
    if (!(await tokenMatches(tx, token))) {
      await recordWrongToken(tx, context, email);
      return { kind: "denied" as const };
    }
    const user = await tx.user.create({
      data: { id: newId("usr"), email, name, passwordHash },
    });
    await tx.roleBinding.create({
      data: { id: newId("rb"), userId: user.id, roleId: OWNER_ROLE_ID, namespaceId: null },
    });
    await tx.setupToken.deleteMany({});
    await recordAudit(tx, userActor(user, context), {
      action: "setup.complete",
      resource: { type: "user", id: user.id, name: user.email },
      details: { role: "owner" },
    });
    return { kind: "ok" as const, user: { id: user.id, email: user.email, name: user.name } };
  });

  if (result.kind === "gone") throw new NotFound("setup is already complete");
  if (result.kind === "denied") throw new Forbidden(WRONG_TOKEN);
  return result.user;
}
