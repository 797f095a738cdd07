// `coffer audit verify` and `coffer audit public-key` against the product:
// events recorded and sealed through lib, checkpoints signed by the
// server's own key. Checkpoint files that disagree with the server (ahead
// of it, another root, another key) are written here and signed with the
// server's key, as a copy kept elsewhere would be before an attack.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousActor } from "../../lib/auth/actor";
import type { AuditAction } from "../../lib/audit/actions";
import { checkpointFile } from "../../lib/audit/log/outside-copies";
import { sealPending } from "../../lib/audit/log/sequencer";
import { signingKey } from "../../lib/audit/log/signing-key";
import { recordAudits } from "../../lib/audit/record-audit";
import { db } from "../../lib/db/client";
import { auditSigningKey, signCheckpoint } from "../../packages/contracts/src/transparency/checkpoint";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { testContext } from "../support/factories";
import { type CofferServer, startCoffer } from "./cli-server";

// The checkpoint file lives beside the data directory: this file keeps its own.
process.env.COFFER_DATA_DIR = join(await mkdtemp(join(tmpdir(), "coffer-cli-verify-data-")), "data");

let server: CofferServer;
let dir: string;
const actor = anonymousActor(testContext, "someone@example.com");

beforeAll(async () => {
  server = await startCoffer();
  dir = await mkdtemp(join(tmpdir(), "coffer-cli-verify-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  server.requests.length = 0;
  return runCli(["audit", "verify", ...args], { server, cwd: dir });
};

async function sealed(count: number) {
  await db.$transaction((tx) =>
    recordAudits(
      tx,
      actor,
      Array.from({ length: count }, (_, i) => ({ action: "test.event" as AuditAction, details: { i } })),
    ),
  );
  await sealPending("test");
}

/** A checkpoint as a copy kept outside would hold it, signed with `key` (the server's by default). */
async function note(file: string, size: number, rootHash: Buffer, key = signingKey()) {
  const text = signCheckpoint({ origin: key.name, size, rootHash, time: new Date() }, key.privateKey);
  await writeFile(join(dir, file), text);
  return text;
}

const checkpoints = () => db.auditCheckpoint.findMany({ orderBy: { size: "asc" } });

describe("before anything is sealed", () => {
  it("says the log was deleted when the server has no checkpoint but the file has one", async () => {
    await note("ahead.note", 3, Buffer.alloc(32, 1));
    await writeFile(join(dir, "audit.pem"), signingKey().publicKeyPem);
    const result = await cli(["--checkpoint", "ahead.note", "--public-key", "audit.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the server has no checkpoint at all, but ahead.note holds one of 3 events: the log was deleted");
  });
});

describe("a sealed log", () => {
  let old: { size: number; note: string };
  let head: { size: number; rootHash: Buffer; time: Date; keyId: string; note: string };

  beforeAll(async () => {
    await sealed(8);
    await sealed(4);
    const [first, newest] = await checkpoints();
    old = { size: Number(first!.size), note: first!.note };
    head = {
      size: Number(newest!.size),
      rootHash: Buffer.from(newest!.rootHash),
      time: newest!.time,
      keyId: newest!.keyId,
      note: newest!.note,
    };
    await writeFile(join(dir, "old.note"), old.note);
    await writeFile(join(dir, "checkpoints.jsonl"), await readFile(checkpointFile(), "utf8"));
    await writeFile(join(dir, "other.pem"), auditSigningKey(Buffer.alloc(32, 5), signingKey().name).publicKeyPem);
  });

  it("prints the signed tree head, what it was compared with and the verdict (the server verifies)", async () => {
    const result = await cli([]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const tree = `${head.size} events, root ${head.rootHash.toString("base64")}, signed ${head.time.toISOString()}, key ${head.keyId}`;
    expect(result.stdout).toMatch(
      new RegExp(
        `^Signed tree head: {3}${escape(tree)}\nCompared with: {6}the server's checkpoint file, ${escape(tree)}\n` +
          `Checked: {12}${head.size} recomputed from their events(, \\d+ not covered by the checkpoint \\(not sealed yet, or newer\\))?\n` +
          "Audit log intact: every sealed event matches the signed tree.\n$",
      ),
    );
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", url: "/api/v1/audit/verify", json: { wait: true } });
  });

  it("verifies both signatures and the consistency proof from an older checkpoint", async () => {
    const result = await cli(["--checkpoint", "old.note", "--public-key", "audit.pem"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(`Checkpoint file:    old.note: ${old.size} events, root `);
    expect(result.stdout).toContain(
      `Consistency:        proof from ${old.size} to ${head.size} events verified\nThe server's tree is consistent with old.note.\n`,
    );
    expect(result.stdout).toContain("Audit log intact");
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/v1/audit/checkpoints/latest",
      `/api/v1/audit/checkpoints/consistency?from=${old.size}&to=${head.size}`,
      "/api/v1/audit/verify",
    ]);
    // The server's own check compares with the same checkpoint.
    expect(server.requests.at(-1)!.json).toEqual({ wait: true, checkpoint: old.note });
  });

  it("takes the newest checkpoint of a checkpoint file, and the server's key when none is given", async () => {
    const result = await cli(["--checkpoint", "checkpoints.jsonl"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Public key:         the server's (pass --public-key");
    expect(result.stdout).toContain(`Checkpoint file:    checkpoints.jsonl: ${head.size} events`);
    expect(server.requests[0]!.url).toBe("/api/v1/audit/public-key");
  });

  it("says events were deleted when the server's tree is smaller than the checkpoint's", async () => {
    await note("ahead.note", head.size + 2, Buffer.alloc(32, 2));
    const result = await cli(["--checkpoint", "ahead.note", "--public-key", "audit.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Audit log NOT intact: the server's tree has ${head.size} events, fewer than the ${head.size + 2} of ahead.note: events were deleted\n`,
    );
  });

  it("says history was rewritten when the proof fails or the roots of one size differ", async () => {
    await note("rewritten-old.note", old.size, Buffer.alloc(32, 3));
    expect((await cli(["--checkpoint", "rewritten-old.note", "--public-key", "audit.pem"])).stderr).toContain(
      "(the consistency proof fails): history was rewritten",
    );
    await note("rewritten.note", head.size, Buffer.alloc(32, 3));
    const same = await cli(["--checkpoint", "rewritten.note", "--public-key", "audit.pem"]);
    expect(same).toMatchObject({ code: 1 });
    expect(same.stderr).toContain("has another root than rewritten.note: history was rewritten");
  });

  it("refuses a forged checkpoint, from the server or in the file", async () => {
    // The file and the key agree, the server's checkpoints are signed by another key: the server's are the forgeries.
    const other = auditSigningKey(Buffer.alloc(32, 5), signingKey().name);
    const [first] = await checkpoints();
    await note("other-old.note", old.size, Buffer.from(first!.rootHash), other);
    expect((await cli(["--checkpoint", "other-old.note", "--public-key", "other.pem"])).stderr).toContain(
      "the server's newest checkpoint is not signed by the log's public key",
    );
    const result = await cli(["--checkpoint", "old.note", "--public-key", "other.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the checkpoint in old.note is not signed by the log's public key");
  });

  it("prints the public key as PEM, or the verifier key", async () => {
    expect(await runCli(["audit", "public-key"], { server })).toMatchObject({ code: 0, stdout: signingKey().publicKeyPem });
    expect((await runCli(["audit", "public-key", "--verifier-key"], { server })).stdout).toBe(`${signingKey().verifierKey}\n`);
  });

  // Last: it leaves the log tampered with.
  it("exits 1 and says where the mismatch starts when an event was edited in place", async () => {
    const leaf = await db.auditLeaf.findFirstOrThrow({ where: { leafIndex: 5 } });
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await tx.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"i": 99}' WHERE "seq" = ${leaf.seq}`;
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    });
    const result = await cli([]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain(
      `Mismatch starts:    event #${leaf.seq}\nAudit log NOT intact: event ${leaf.seq} no longer hashes to its sealed leaf 5`,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
