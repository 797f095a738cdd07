import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as namespacesRoute from "@/app/api/v1/namespaces/route";
import { databaseKind, db } from "@/lib/db/client";
import { Unauthorized } from "@/lib/errors";
import { enqueueDueJobs } from "@/lib/jobs/recurring-jobs";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { resolveServiceToken } from "@/lib/services/resolve-service-token";
import { personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import { sealPending } from "../../lib/audit/log/sequencer";
import { verifyAuditLog } from "../../lib/audit/log/verify-log";
import {
  flushCredentialRejections,
  OVERFLOW_PREFIX,
  recordCredentialRejection,
  rejectionWindowMs,
} from "../../lib/audit/credential-rejections";

// One checkpoint file for this file: the run's data directory is shared,
// and other files seal other databases' trees into theirs.
process.env.COFFER_DATA_DIR = join(mkdtempSync(join(tmpdir(), "coffer-rejections-")), "data");

const WINDOW = rejectionWindowMs();
const random = () => randomBytes(32).toString("base64url");
// One prefix ("cfp_Aaaa"), many different tokens: a guesser keeping the start.
const samePrefix = () => `cfp_Aaaa${random()}`;

/** A request to an authenticated API route as a client at `ip` sends it. */
async function apiGet(authorization: string | null, ip = "192.0.2.10"): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": ip, "x-request-id": "req-rejections" });
  if (authorization !== null) headers.set("authorization", authorization);
  return namespacesRoute.GET(new Request("http://coffer.test/api/v1/namespaces", { headers }), { params: Promise.resolve({}) });
}

// Each test sees only the events it caused: the trail is append-only and shared by the file.
let since = 0n;
async function rejections(action = "auth.token_rejected") {
  const events = await db.auditEvent.findMany({ where: { action, seq: { gt: since } }, orderBy: { seq: "asc" } });
  return events.map((e) => ({
    ip: e.ip,
    outcome: e.outcome,
    ...(e.details as { reason: string; prefix: string; count: number; summary?: true }),
  }));
}

async function storedTrail(): Promise<string> {
  return JSON.stringify(await db.auditEvent.findMany(), (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
}

async function runJobs() {
  while (await runNextJob("rejections-test"));
}

// Fixed time in the middle of a window, so a run never straddles two.
let now: number;
beforeEach(async () => {
  since = (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
  await db.credentialRejection.deleteMany();
  now = Math.floor(Date.now() / WINDOW) * WINDOW + WINDOW / 4;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
});
const nextWindow = () => vi.setSystemTime((now += WINDOW));

describe("rejected bearer tokens", () => {
  it("audits a flood from one address and prefix as one event, then one summary of the rest", async () => {
    // Every 401 must leave an audit event, but an unauthenticated flood must not write the chain at will.
    const tokens = Array.from({ length: 200 }, samePrefix);
    const responses = await Promise.all(tokens.map((token) => apiGet(`Bearer ${token}`)));
    expect(responses.map((r) => r.status)).toEqual(tokens.map(() => 401));
    expect(await rejections()).toEqual([
      {
        ip: "192.0.2.10",
        outcome: "denied",
        reason: "unknown",
        prefix: "cfp_Aaaa",
        count: 1,
        windowStart: new Date(now - WINDOW / 4).toISOString(),
      },
    ]);

    // Nothing is due while the window is open; after its end the flush job summarises it.
    expect(await enqueueDueJobs()).not.toContain("credential-rejection-flush");
    nextWindow();
    expect(await enqueueDueJobs()).toContain("credential-rejection-flush");
    await runJobs();
    const events = await rejections();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ ip: "192.0.2.10", reason: "unknown", prefix: "cfp_Aaaa", count: 199, summary: true });
    expect(events.reduce((sum, e) => sum + e.count, 0)).toBe(200);
    expect(await db.credentialRejection.count()).toBe(0);
    // A quiet instance queues no flush.
    expect(await enqueueDueJobs()).not.toContain("credential-rejection-flush");

    // The trail keeps at most a prefix of what was presented, never a token.
    const stored = await storedTrail();
    for (const token of tokens) expect(stored).not.toContain(token.slice(0, 12));
    await sealPending("test");
    expect(await verifyAuditLog()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it("keeps addresses apart", async () => {
    // Failures are aggregated per source, not across sources.
    for (const ip of ["192.0.2.11", "192.0.2.12", "192.0.2.11", "192.0.2.12", "192.0.2.12"]) {
      expect((await apiGet(`Bearer ${samePrefix()}`, ip)).status).toBe(401);
    }
    nextWindow();
    await db.$transaction((tx) => flushCredentialRejections(tx));
    const events = await rejections();
    expect(events.map((e) => [e.ip, e.count, e.summary ?? false])).toEqual([
      ["192.0.2.11", 1, false],
      ["192.0.2.12", 1, false],
      ["192.0.2.11", 1, true],
      ["192.0.2.12", 2, true],
    ]);
  });

  it("audits a personal-token 401 for every reason, with the same answer to the caller", async () => {
    // Regression: 401s on the personal-token path left no audit event at all.
    const { user } = await createUser("kim@example.com");
    const revoked = await personalToken(user.id);
    await db.accessToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    const expired = await personalToken(user.id);
    await db.accessToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { expiresAt: new Date(now - 1000) } });
    const { user: gone } = await createUser("lee@example.com", [], { disabled: true });
    const disabled = await personalToken(gone.id);

    const unknown = `cfp_${random()}`;
    const invalid = "the API token is invalid, expired or revoked";
    const cases: [string | null, string][] = [
      [null, "an Authorization: Bearer token is required"],
      ["Basic a2ltOnB3", "an Authorization: Bearer token is required"],
      ["Bearer cfs_notpersonal", "a personal API token (cfp_…) is required"],
      ["Bearer ab\u00e9c", "a personal API token (cfp_…) is required"],
      [`Bearer ${unknown}`, invalid],
      [`Bearer ${revoked}`, invalid],
      [`Bearer ${expired}`, invalid],
      [`Bearer ${disabled}`, invalid],
    ];
    for (const [authorization, message] of cases) {
      const response = await apiGet(authorization, "192.0.2.20");
      expect(response.status).toBe(401);
      expect((await response.json()).error).toEqual({ code: "unauthorized", message });
    }
    // No header and a non-Bearer one are the same key: one event, the second only counted.
    expect((await rejections()).map((e) => [e.reason, e.prefix, e.count, e.outcome, e.ip])).toEqual(
      [
        ["missing", "none"],
        ["malformed", "cfs_notp"],
        ["malformed", "malformed"],
        ["unknown", unknown.slice(0, 8)],
        ["revoked", revoked.slice(0, 8)],
        ["expired", expired.slice(0, 8)],
        ["disabled", disabled.slice(0, 8)],
      ].map(([reason, prefix]) => [reason, prefix, 1, "denied", "192.0.2.20"]),
    );
    const known = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.token_rejected", actorLabel: "kim@example.com" } });
    expect(known.resourceType).toBe("access_token");
    const stored = await storedTrail();
    for (const token of [revoked, expired, disabled]) expect(stored).not.toContain(token);
  });

  it("summarises a window when the next one opens, and the counts add up", async () => {
    // Repeated failures become one event with a count, none lost between windows.
    const reject = () => recordCredentialRejection({ kind: "personal", reason: "unknown", token: samePrefix(), context: testContext });
    for (let i = 0; i < 3; i++) await reject();
    nextWindow();
    for (let i = 0; i < 2; i++) await reject();
    expect((await rejections()).map((e) => [e.count, e.summary ?? false])).toEqual([
      [1, false],
      [2, true],
      [1, false],
    ]);
    nextWindow();
    expect(await enqueueDueJobs()).toContain("credential-rejection-flush");
    await runJobs();
    const events = await rejections();
    expect(events.map((e) => [e.count, e.summary ?? false]).at(-1)).toEqual([1, true]);
    expect(events.reduce((sum, e) => sum + e.count, 0)).toBe(5);
  });

  it("folds invented prefixes from one address past a bound, so random tokens cannot each write an event", async () => {
    // A flood of random tokens is still a flood from one source.
    for (let i = 0; i < 60; i++) expect((await apiGet(`Bearer cfp_${random()}`, "192.0.2.30")).status).toBe(401);
    const events = await rejections();
    expect(events.length).toBeLessThanOrEqual(21);
    expect(events.at(-1)?.prefix).toBe(OVERFLOW_PREFIX);
    nextWindow();
    await db.$transaction((tx) => flushCredentialRejections(tx));
    expect((await rejections()).reduce((sum, e) => sum + e.count, 0)).toBe(60);
  });

  it("aggregates the service-token path the same way", async () => {
    // Regression: every service-token rejection appended an event under the global audit lock.
    const tries = Array.from({ length: 50 }, () => resolveServiceToken(`cfs_Bbbb${random()}`, testContext).catch((e: Error) => e));
    expect((await Promise.all(tries)).every((e) => e instanceof Unauthorized)).toBe(true);
    expect(await rejections("servicetoken.rejected")).toEqual([
      expect.objectContaining({ reason: "unknown", prefix: "cfs_Bbbb", count: 1 }),
    ]);
  });

  it.skipIf(databaseKind() === "pglite")("answers a repeated rejection without waiting on the audit trail", async () => {
    // Regression: a 401 flood was a free lever to slow the whole instance, each rejection waiting its turn to append to the audit trail.
    const reject = () => resolveServiceToken(`cfs_Cccc${random()}`, { ...testContext, ip: "192.0.2.40" }).catch((e: unknown) => e);
    expect(await reject()).toBeInstanceOf(Unauthorized);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      // Blocks every append to the audit trail (reads still pass) for as long as the test holds it.
      await tx.$executeRawUnsafe(`LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
      locked();
      await held;
    });
    await lockTaken;
    try {
      const answered = await Promise.race([
        reject().then((e) => (e instanceof Unauthorized ? 401 : e)),
        new Promise((resolve) => setTimeout(() => resolve("waited"), 3_000)),
      ]);
      expect(answered).toBe(401);
    } finally {
      release();
      await holder;
    }
  });
});
