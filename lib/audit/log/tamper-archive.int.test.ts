// What archiving does to verification when a superuser tampers around it,
// and that the append-only triggers hold for everyone else. The attacks on
// sealed events themselves are in tamper-detection.int.test.ts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { DAY_MS } from "../../time";
import { archiveBatch } from "../archive-job";
import { sealPending } from "./sequencer";
import { append, asSuperuser, AUDIT_TABLES, leafSeq, sealed, registerTamperHooks, verify } from "./test-support/tamper-fixture";

registerTamperHooks();

describe("verifying the audit log", () => {
  it("takes archived events by their stored leaves, and still finds a deletion after them", async () => {
    await sealed(6);
    // Ten days on with one day of retention: everything sealed is old.
    expect(await db.$transaction((tx) => archiveBatch(tx, { now: new Date(Date.now() + 10 * DAY_MS), days: 1 }))).toBe(6);
    const anchor = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.archived" } });
    expect(anchor.details).toMatchObject({ count: 6, throughLeaf: 5 });
    const archived = readFileSync((anchor.details as { file: string }).file, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(archived.map((e) => e.leafIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(archived[0].leafHash).toBe(
      Buffer.from((await db.auditLeaf.findUniqueOrThrow({ where: { leafIndex: 0n } })).hash).toString("base64"),
    );
    // Until its own event is sealed, an archive does not count: the leaves' events are missing.
    expect(await verify()).toMatchObject({ ok: false, problem: { code: "missing-event", firstBadSeq: await leafSeq(0) } });
    await append(1);
    await sealPending("test"); // the archive event and that one
    expect(await verify()).toMatchObject({ ok: true, checked: (await db.auditLeaf.count()) - 6, archived: 6, unsealed: 0 });
    // An event after the archive's reach is not covered by it.
    const lastSeq = await leafSeq(7);
    await asSuperuser((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" = ${BigInt(lastSeq)}`);
    expect(await verify()).toMatchObject({ ok: false, archived: 6, problem: { code: "missing-event", firstBadSeq: lastSeq } });
  });

  it("does not archive events the sequencer has not sealed", async () => {
    await sealed(2);
    await append(3);
    expect(await db.$transaction((tx) => archiveBatch(tx, { now: new Date(Date.now() + 10 * DAY_MS), days: 1 }))).toBe(2);
    await sealPending("test");
    expect(await verify()).toMatchObject({ ok: true, archived: 2, checked: 4 });
  });

  it("still refuses UPDATE, DELETE and TRUNCATE on every audit table without superuser rights", async () => {
    await sealed(2);
    for (const table of AUDIT_TABLES) {
      await expect(db.$executeRawUnsafe(`DELETE FROM "${table}"`), table).rejects.toThrow(/append-only/);
      await expect(db.$executeRawUnsafe(`TRUNCATE "${table}"`), table).rejects.toThrow(/append-only/);
    }
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLeaf" SET "hash" = '\\x00'`)).rejects.toThrow(/append-only/);
  });
});
