// The offline verifier against what the server really writes: an export
// streamed by exportAuditEvents from PostgreSQL or PGlite (its JSONB
// spelling included) and the checkpoints the sequencer signed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { createUser } from "../support/factories";
import { exportAuditEvents } from "../../lib/audit/export-audit-events";
import { recordAudits } from "../../lib/audit/record-audit";
import { verifyExportOffline } from "../../packages/cli/src/audit/offline-verify";
import { sealPending } from "../../lib/audit/log/sequencer";
import { signingKey } from "../../lib/audit/log/signing-key";

let owner: Awaited<ReturnType<typeof createUser>>["actor"];

async function exportText(): Promise<string> {
  return new Response(await exportAuditEvents(owner, {}, "jsonl")).text();
}

async function checkpointFile(): Promise<string> {
  const rows = await db.auditCheckpoint.findMany({ orderBy: { size: "asc" } });
  return rows.map((r) => `${JSON.stringify({ size: Number(r.size), lastSeq: r.lastSeq.toString(), note: r.note })}\n`).join("");
}

beforeAll(async () => {
  owner = (await createUser("offline-owner@example.com", [{ role: "owner" }])).actor;
  for (let batch = 0; batch < 3; batch++) {
    await db.$transaction((tx) =>
      recordAudits(
        tx,
        owner,
        Array.from({ length: 5 }, (_, i) => ({
          action: "secret.read",
          resource: { type: "secret", id: `s${i}`, name: `db_pw_${batch}_${i} é "q"` },
          details: { batch, i, ratio: 0.5, tags: ["a", "b"], nested: { z: null, a: true }, text: "tab\there" },
        })),
      ),
    );
    await sealPending("test");
  }
});

describe("an export from the database, verified offline", () => {
  it("passes against the sequencer's checkpoints and the signing key", async () => {
    // The checkpoints first, the export after: it must hold every event they sign.
    const checkpoints = await checkpointFile();
    const report = verifyExportOffline({ exportData: await exportText(), checkpoint: checkpoints, publicKey: signingKey().publicKeyPem });
    expect(report.problem).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(15);
  });

  it("names the event a superuser edited with the append-only trigger off", async () => {
    const checkpoints = await checkpointFile();
    const [target] = await db.$queryRaw<
      { seq: bigint }[]
    >`SELECT "seq" FROM "AuditEvent" WHERE "action" = 'secret.read' ORDER BY "seq" LIMIT 1 OFFSET 7`;
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
      await tx.$executeRaw`UPDATE "AuditEvent" SET "details" = "details" || '{"batch": 9}'::jsonb WHERE "seq" = ${target!.seq}`;
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
    });
    const report = verifyExportOffline({ exportData: await exportText(), checkpoint: checkpoints, publicKey: signingKey().publicKeyPem });
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ code: "edited", firstBadSeq: target!.seq.toString() });
  });
});
