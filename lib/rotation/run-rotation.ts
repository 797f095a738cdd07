// The rotation runner (issue 18). A due policy is claimed with FOR UPDATE
// SKIP LOCKED inside the transaction that rotates it: the row lock is the
// lease. Another node skips the row while it is held, sees the advanced
// nextRunAt once it commits, and a crash or lost connection releases it
// with nothing written, so each due time rotates once and never half-way.
// No timestamp lease to guess a length for: a slow rotator cannot outlive
// its claim and let a second node rotate the same role under it. What the
// lock covers during the rotator's network call is the policy row alone:
// the secret's row is locked only for the write that follows, so reads,
// manual rotations and deletes are not held up by a slow database (the
// rotators' own timeouts, a few seconds, bound the wait for the policy).
// No `server-only`: the job worker runs from instrumentation.ts.
import { systemActor, type Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db/client";
import { Conflict, DomainError } from "../errors";
import type { RotationPolicy } from "../generated/prisma/client";
import { log } from "../log/logger";
import { authorize } from "../rbac/authorize";
import { findLiveSecretOrThrow } from "../secrets/find-secret";
import { readVersion } from "../secrets/read-version";
import type { SecretEntries } from "../secrets/secret-data";
import type { SecretType } from "../secrets/secret-types";
import { MINUTE_MS, HOUR_MS } from "../time";
import { readAdminEntries, zeroEntries } from "./admin-secret";
import { findSecretForPolicy, noPolicy } from "./find-policy";
import { generatedEntries, generatedPassword } from "./generated-entries";
import { toRotationDto, type RotationRunResult } from "./rotation-dto";
import type { RotationGenerator } from "./rotation-policy.schema";
import type { RotatorConfig } from "./rotators/rotator";

/** A bound on one runDueRotations call, so a bug can never spin it forever. */
const MAX_PER_RUN = 1_000;

type Outcome = { rotated: true; version: number } | { rotated: false; error: string };
type Trigger = "schedule" | "manual";

/** The first due time after `now` on the policy's own beat: counted from the due time, not from when it ran. */
export function nextDueAfter(due: Date, everySeconds: number, now: Date): Date {
  const every = everySeconds * 1000;
  const missed = Math.max(0, Math.floor((now.getTime() - due.getTime()) / every));
  return new Date(due.getTime() + (missed + 1) * every);
}

/** After a failure: soon (1, 2, 4 … minutes, at most an hour), never later than the next due time. */
function retryAt(policy: RotationPolicy, now: Date): Date {
  const backoff = new Date(now.getTime() + Math.min(HOUR_MS, MINUTE_MS * 2 ** Math.min(policy.failures, 10)));
  const next = nextDueAfter(policy.nextRunAt, policy.everySeconds, now);
  return backoff < next ? backoff : next;
}

/** Rotates every policy due at `now`, each in its own transaction. */
export async function runDueRotations(now = new Date()): Promise<{ rotated: number; failed: number }> {
  const counts = { rotated: 0, failed: 0 };
  for (let i = 0; i < MAX_PER_RUN; i++) {
    const outcome = await db.$transaction((tx) => rotateNextDue(tx, now));
    if (!outcome) break;
    counts[outcome.rotated ? "rotated" : "failed"]++;
  }
  return counts;
}

/** Claims one due policy in `tx` and rotates it there; null when none is due (or all due are claimed elsewhere). */
export async function rotateNextDue(tx: Tx, now = new Date()): Promise<Outcome | null> {
  const [claimed] = await tx.$queryRaw<{ secretId: string }[]>`
    SELECT p."secretId" FROM "RotationPolicy" p JOIN "Secret" s ON s."id" = p."secretId"
    WHERE p."nextRunAt" <= ${now} AND s."deletedAt" IS NULL
    ORDER BY p."nextRunAt" LIMIT 1
    FOR UPDATE OF p SKIP LOCKED`;
  if (!claimed) return null;
  const policy = await tx.rotationPolicy.findUniqueOrThrow({ where: { secretId: claimed.secretId } });
  return rotateLockedPolicy(tx, systemActor(), policy, "schedule", now);
}

/** POST …/rotation/run: rotates now, off the schedule (nextRunAt stays), and answers what happened. */
export async function runRotationNow(actor: Actor, namespace: string, name: string): Promise<RotationRunResult> {
  return audited(actor, "secret.rotate", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findSecretForPolicy(tx, namespace, name);
    const [locked] = await tx.$queryRaw<{ secretId: string }[]>`
      SELECT "secretId" FROM "RotationPolicy" WHERE "secretId" = ${secret.id} FOR UPDATE SKIP LOCKED`;
    if (!locked) {
      if (await tx.rotationPolicy.findUnique({ where: { secretId: secret.id }, select: { secretId: true } }))
        throw new Conflict(`secret '${name}' is being rotated right now; try again in a moment`);
      throw noPolicy(namespace, name);
    }
    const policy = await tx.rotationPolicy.findUniqueOrThrow({ where: { secretId: secret.id } });
    const outcome = await rotateLockedPolicy(tx, actor, policy, "manual", new Date());
    const after = await tx.rotationPolicy.findUniqueOrThrow({ where: { secretId: secret.id } });
    return {
      rotated: outcome.rotated,
      version: outcome.rotated ? outcome.version : null,
      error: outcome.rotated ? null : outcome.error,
      policy: toRotationDto(after, { name, namespace }),
    };
  });
}

/**
 * One run of a policy whose row `tx` holds. A failure writes no version:
 * it is recorded on the policy and as a `secret.rotation_failed` event,
 * in `tx`, and answered.
 */
async function rotateLockedPolicy(tx: Tx, actor: Actor, policy: RotationPolicy, trigger: Trigger, now: Date): Promise<Outcome> {
  const secret = await tx.secret.findUniqueOrThrow({ where: { id: policy.secretId }, include: { namespace: { select: { name: true } } } });
  const namespace = secret.namespace.name;
  const rotator = policy.rotator as RotatorConfig | null;
  const generator = policy.generator as RotationGenerator;
  const about = { policy: true, trigger, ...(rotator ? { rotator: rotator.kind } : {}) };
  const resource = { type: "secret", id: secret.id, name: secret.name };
  let data: SecretEntries | null = null;
  try {
    // The rotator first, with no lock on the secret: it talks to another system.
    if (rotator) data = await rotatedEntries(tx, secret, namespace, generator, rotator);
    const live = await findLiveSecretOrThrow(tx, namespace, secret.name);
    if (rotator && live.currentVersion !== secret.currentVersion)
      throw new Conflict("the secret got a new version while it was being rotated; the next run tries again");
    if (!data) {
      const current = await readVersion(tx, live, live.currentVersion);
      data = generatedEntries(live.type as SecretType, generator, current);
      zeroEntries(current);
    }
    const role = rotator ? data.get("username")?.toString("utf8") : undefined;
    const version = await writeRotation(tx, actor, namespace, live, data, { ...about, ...(role ? { role } : {}) });
    await tx.rotationPolicy.update({
      where: { secretId: policy.secretId },
      data: {
        ...(trigger === "schedule" ? { nextRunAt: nextDueAfter(policy.nextRunAt, policy.everySeconds, now) } : {}),
        lastRunAt: now,
        lastVersion: version,
        lastError: null,
        lastErrorAt: null,
        failures: 0,
        updatedAt: now,
      },
    });
    return { rotated: true, version };
  } catch (error) {
    const message = failureMessage(error, policy.secretId);
    await tx.rotationPolicy.update({
      where: { secretId: policy.secretId },
      data: {
        ...(trigger === "schedule" ? { nextRunAt: retryAt(policy, now) } : {}),
        lastError: message,
        lastErrorAt: now,
        failures: { increment: 1 },
        updatedAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: "secret.rotation_failed",
      outcome: "error",
      resource,
      namespace,
      details: { ...about, error: message },
    });
    return { rotated: false, error: message };
  } finally {
    zeroEntries(data);
  }
}

// Imported when a rotation runs, not when the job handlers load: these modules open with `server-only`,
// and lib/jobs/handlers.ts is loaded by the worker that instrumentation.ts starts.
async function writeRotation(...args: Parameters<typeof import("../secrets/rotate-secret").writeRotation>) {
  const { writeRotation: write } = await import("../secrets/rotate-secret");
  return write(...args);
}

async function rotatorFor(config: RotatorConfig) {
  return (await import("./rotators/rotator")).rotatorFor(config);
}

async function rotatedEntries(
  tx: Tx,
  secret: { id: string; name: string; currentVersion: number },
  namespace: string,
  generator: RotationGenerator,
  config: RotatorConfig,
): Promise<SecretEntries> {
  const adminEntries = await readAdminEntries(tx, namespace, config.admin, secret.name);
  const current = await readVersion(tx, secret, secret.currentVersion);
  try {
    return await (await rotatorFor(config)).rotate({ config, adminEntries, current, newPassword: generatedPassword(generator) });
  } finally {
    zeroEntries(adminEntries);
    zeroEntries(current);
  }
}

/** Safe to store and show: our own errors say what went wrong without values; anything else is logged, not echoed. */
function failureMessage(error: unknown, secretId: string): string {
  // RotationFailed by name: its module is loaded late (see rotatorFor).
  if (error instanceof DomainError || (error instanceof Error && error.name === "RotationFailed")) return error.message;
  log.error({ secretId, errorName: error instanceof Error ? error.name : typeof error }, "rotation: unexpected failure");
  return "the rotation failed unexpectedly (see the server log)";
}
