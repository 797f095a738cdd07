import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { archiveBatch } from "@/lib/audit/archive-job";
import { checkpointFile } from "@/lib/audit/log/outside-copies";
import { sealPending } from "@/lib/audit/log/sequencer";
import { verifyAuditLog } from "@/lib/audit/log/verify-log";
import { recordAudit } from "@/lib/audit/record-audit";
import { DAY_MS } from "@/lib/time";
import { auditSigningKey, signCheckpoint } from "@/packages/contracts/src/transparency/checkpoint";
import { anonymousActor, systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import * as exportRoute from "./export/route";
import * as listRoute from "./route";
import * as statsRoute from "./stats/route";
import * as verifyRoute from "./verify/route";

// One checkpoint file for this file: the run's data directory is shared,
// and other files seal other databases' trees into theirs.
const dataDir = join(mkdtempSync(join(tmpdir(), "coffer-audit-api-")), "data");
process.env.COFFER_DATA_DIR = dataDir;

let auditor: string;

async function seed() {
  const actor = anonymousActor(testContext, "mallory@example.com");
  for (let i = 0; i < 12; i++) {
    await db.$transaction((tx) =>
      recordAudit(tx, i % 3 === 0 ? actor : systemActor(), {
        action: i % 2 ? "secret.read" : "secret.create",
        outcome: i % 3 === 0 ? "denied" : "success",
        resource: { type: "secret", id: `s${i % 4}`, name: i === 5 ? 'tricky, "quoted"\nname' : `db_${i % 4}` },
        namespace: i % 4 === 0 ? "prod" : "default",
        details: { i },
      }),
    );
  }
}

/** A small RFC 4180 reader, enough to prove the export parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

beforeAll(async () => {
  expect(checkpointFile().startsWith(join(dataDir, ".."))).toBe(true);
  auditor = await personalToken((await createUser("audra@example.com", [{ role: "auditor" }])).user.id);
  await seed();
  await sealPending("test");
});

describe("the audit API", () => {
  it("filters and pages newest first with a keyset cursor", async () => {
    const seen: string[] = [];
    let cursor = "";
    for (let pages = 0; pages < 10; pages++) {
      const page = await call(listRoute.GET, { token: auditor, query: `?action=secret.&limit=5${cursor ? `&cursor=${cursor}` : ""}` });
      expect(page.status).toBe(200);
      seen.push(...page.body.events.map((e: { seq: string }) => e.seq));
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(12);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));

    const filtered = await call(listRoute.GET, { token: auditor, query: "?action=secret.read&outcome=denied&namespace=default" });
    expect(filtered.body.events.map((e: { details: { i: number } }) => e.details.i)).toEqual([9, 3]);
    const byActor = await call(listRoute.GET, { token: auditor, query: "?actor=mallory@example.com" });
    expect(byActor.body.events).toHaveLength(4);
    const text = await call(listRoute.GET, { token: auditor, query: "?q=TRICKY" });
    expect(text.body.events.map((e: { details: { i: number } }) => e.details.i)).toEqual([5]);
    const bad = await call(listRoute.GET, { token: auditor, query: "?outcome=maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("outcome must be success, denied or error");
    expect((await call(listRoute.GET, { token: auditor, query: "?from=yesterday-ish" })).body.error.message).toBe(
      "from must be a date or time (ISO 8601)",
    );
  });

  it("exports valid CSV and JSONL, streamed, and audits the export", async () => {
    const csv = await call(exportRoute.GET, { token: auditor, query: "?format=csv&resource=secret" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(csv.text);
    expect(rows[0]![0]).toBe("seq");
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const tricky = rows.find((r) => r[8]!.startsWith("tricky"))!;
    expect(tricky[8]).toBe('tricky, "quoted"\nname');
    expect(JSON.parse(tricky[14]!)).toEqual({ i: 5 });

    const jsonl = await call(exportRoute.GET, { token: auditor, query: "?format=jsonl&action=secret.read" });
    const lines = jsonl.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    // Each sealed event carries its leaf, as stored, for offline verification.
    for (const line of lines) {
      const leaf = await db.auditLeaf.findUniqueOrThrow({ where: { seq: BigInt(line.seq) } });
      expect(line).toMatchObject({
        leafIndex: Number(leaf.leafIndex),
        leafHash: Buffer.from(leaf.hash).toString("base64"),
        prevHash: null,
        hash: null,
      });
    }
    expect(rows[0]!.slice(-2)).toEqual(["leaf_index", "leaf_hash"]);
    expect(lines.map((l) => Number(l.seq))).toEqual([...lines.map((l) => Number(l.seq))].sort((a, b) => a - b));
    expect(await db.auditEvent.count({ where: { action: "audit.export" } })).toBe(2);
    expect((await call(exportRoute.GET, { token: auditor, query: "?format=xml" })).status).toBe(400);
  });

  it("charts events per day by outcome, most-read secrets and denials by actor", async () => {
    const stats = await call(statsRoute.GET, { token: auditor });
    expect(stats.status).toBe(200);
    const today = stats.body.perDay.at(-1);
    expect(today.success + today.denied).toBeGreaterThanOrEqual(12);
    expect(stats.body.mostRead[0]).toMatchObject({ reads: expect.any(Number) });
    expect(stats.body.deniedByActor).toContainEqual({ actor: "mallory@example.com", denied: 4 });
  });

  it("verifies the log inline and as a background job with progress", async () => {
    await sealPending("test");
    const inline = await call(verifyRoute.POST, { token: auditor, body: { wait: true } });
    expect(inline.status).toBe(200);
    const leaves = await db.auditLeaf.count();
    // This request's own event is recorded before the walk, and no sequencer runs here to seal it.
    expect(inline.body).toMatchObject({
      ok: true,
      checked: leaves,
      archived: 0,
      unsealed: 1,
      head: { size: leaves },
      outside: { size: leaves, source: "file" },
      problem: null,
    });
    const started = await call(verifyRoute.POST, { token: auditor, body: {} });
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({ state: "queued", total: leaves });
    expect((await call(verifyRoute.POST, { token: auditor, body: {} })).status).toBe(409);
    await sealPending("test");
    expect(await runNextJob("test-worker")).toBe("finished");
    const latest = await call(verifyRoute.GET, { token: auditor });
    const sealed = await db.auditLeaf.count();
    expect(latest.body.verification).toMatchObject({
      state: "done",
      progress: sealed,
      total: sealed,
      report: { ok: true, checked: sealed, problem: null },
    });
    const verified = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.verified" } });
    expect(verified).toMatchObject({ outcome: "success", resourceId: started.body.job.id });
  });

  it("checks the log against a checkpoint the caller gives, and refuses a forged one", async () => {
    await sealPending("test");
    const records = readFileSync(checkpointFile(), "utf8");
    expect((await call(verifyRoute.POST, { token: auditor, body: { wait: true, checkpoint: records } })).body).toMatchObject({
      ok: true,
      outside: { source: "given" },
    });
    // Signed with a key that is not the log's: refused, naming the signature.
    const other = auditSigningKey(Buffer.alloc(32, 1), "coffer.test/audit");
    const forged = signCheckpoint({ origin: other.name, size: 1, rootHash: Buffer.alloc(32), time: new Date() }, other.privateKey);
    const refused = await call(verifyRoute.POST, { token: auditor, body: { wait: true, checkpoint: forged } });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, outside: null, problem: { code: "bad-signature" } });
    const bad = await call(verifyRoute.POST, { token: auditor, body: { wait: true, checkpoint: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("checkpoint must be a signed checkpoint note or the lines of a checkpoint file");
  });

  it("archives old sealed events to a file, and the log still verifies", async () => {
    await sealPending("test");
    const sealedEvents = await db.auditLeaf.count();
    // Everything is "old" ten days from now with a one-day retention.
    const archived = await db.$transaction((tx) => archiveBatch(tx, { now: new Date(Date.now() + 10 * DAY_MS), days: 1 }));
    expect(archived).toBe(sealedEvents);
    const anchor = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.archived" } });
    expect(anchor.details).toMatchObject({ count: archived, throughLeaf: sealedEvents - 1 });
    await sealPending("test");
    expect(await verifyAuditLog()).toMatchObject({ ok: true, archived, checked: 1, problem: null });
    // The archive path is the job's alone: a plain DELETE is still refused.
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });
});
