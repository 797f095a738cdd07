import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LogReport } from "../../audit/log/report";
import { buildLog, exportLine, fixtureKey } from "../test-support/audit-log-fixture";
import { type FakeCoffer, startFakeCoffer } from "../test-support/fake-coffer-server";
import { runCli } from "../test-support/run-cli";

const log = buildLog();
let server: FakeCoffer;
let dir: string;

const head = { size: 12, rootHash: log.checkpoints.at(-1)!.rootHash, time: "2026-12-01T10:01:12.000Z", keyId: log.key.keyId };
const intact: LogReport = { ok: true, checked: 12, archived: 0, unsealed: 1, head, outside: { ...head, source: "file" }, problem: null };

beforeAll(async () => {
  server = await startFakeCoffer();
  dir = await mkdtemp(join(tmpdir(), "coffer-cli-verify-"));
  await writeFile(join(dir, "audit.jsonl"), log.exportText);
  await writeFile(join(dir, "checkpoints.jsonl"), log.checkpointFile);
  await writeFile(join(dir, "old.note"), log.checkpoints[1]!.note);
  await writeFile(join(dir, "audit.pem"), log.key.publicKeyPem);
  await writeFile(join(dir, "other.pem"), fixtureKey(5).publicKeyPem);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.audit.leaves = log.rows.map((r) => Buffer.from(r.leafHash!, "base64"));
  server.audit.signer = server.audit.key;
  server.audit.report = intact;
  server.requests.length = 0;
});

const cli = (args: string[]) => runCli(["audit", "verify", ...args], { server, cwd: dir });

describe("coffer audit verify (the server verifies)", () => {
  it("prints the signed tree head, what it was compared with and the verdict", async () => {
    const result = await cli([]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      `Signed tree head:   12 events, root ${head.rootHash}, signed 2026-12-01T10:01:12.000Z, key ${log.key.keyId}\n` +
        `Compared with:      the server's checkpoint file, 12 events, root ${head.rootHash}, signed 2026-12-01T10:01:12.000Z, key ${log.key.keyId}\n` +
        "Checked:            12 recomputed from their events, 1 not covered by the checkpoint (not sealed yet, or newer)\n" +
        "Audit log intact: every sealed event matches the signed tree.\n",
    );
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", url: "/api/v1/audit/verify", json: { wait: true } });
  });

  it("exits 1 and says where the mismatch starts", async () => {
    server.audit.report = { ...intact, ok: false, problem: { code: "edited", message: "event #7 no longer hashes to its sealed leaf", firstBadSeq: "7" } };
    const result = await cli([]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain("Mismatch starts:    event #7\nAudit log NOT intact: event #7 no longer hashes to its sealed leaf\n");
    server.audit.report = { ...intact, ok: false, problem: { code: "rewritten", message: "rewritten", range: { afterSeq: null, throughSeq: "30" } } };
    expect((await cli([])).stderr).toContain("Mismatch starts:    after the first event, up to #30\n");
  });
});

describe("coffer audit verify --checkpoint (checked here, against the live server)", () => {
  it("verifies both signatures and the consistency proof from an older checkpoint", async () => {
    const result = await cli(["--checkpoint", "old.note", "--public-key", "audit.pem"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Checkpoint file:    old.note: 8 events, root ");
    expect(result.stdout).toContain("Consistency:        proof from 8 to 12 events verified\nThe server's tree is consistent with old.note.\n");
    expect(result.stdout).toContain("Audit log intact");
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/v1/audit/checkpoints/latest",
      "/api/v1/audit/checkpoints/consistency?from=8&to=12",
      "/api/v1/audit/verify",
    ]);
    // The server's own check compares with the same checkpoint.
    expect(server.requests.at(-1)!.json).toEqual({ wait: true, checkpoint: log.checkpoints[1]!.note });
  });

  it("takes the newest checkpoint of a checkpoint file, and the server's key when none is given", async () => {
    const result = await cli(["--checkpoint", "checkpoints.jsonl"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Public key:         the server's (pass --public-key");
    expect(result.stdout).toContain("Checkpoint file:    checkpoints.jsonl: 12 events");
    expect(server.requests[0]!.url).toBe("/api/v1/audit/public-key");
  });

  it("says events were deleted when the server's tree is smaller than the checkpoint's", async () => {
    server.audit.leaves = server.audit.leaves.slice(0, 10);
    const result = await cli(["--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Audit log NOT intact: the server's tree has 10 events, fewer than the 12 of checkpoints.jsonl: events were deleted\n");
    server.audit.leaves = [];
    expect((await cli(["--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"])).stderr).toContain("the log was deleted");
  });

  it("says history was rewritten when the proof fails or the roots of one size differ", async () => {
    server.audit.leaves[3] = Buffer.alloc(32, 3);
    expect((await cli(["--checkpoint", "old.note", "--public-key", "audit.pem"])).stderr).toContain("(the consistency proof fails): history was rewritten");
    const same = await cli(["--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"]);
    expect(same).toMatchObject({ code: 1 });
    expect(same.stderr).toContain("has another root than checkpoints.jsonl: history was rewritten");
  });

  it("refuses a forged checkpoint, from the server or in the file", async () => {
    server.audit.signer = fixtureKey(6);
    expect((await cli(["--checkpoint", "old.note", "--public-key", "audit.pem"])).stderr).toContain("the server's newest checkpoint is not signed by the log's public key");
    server.audit.signer = server.audit.key;
    const result = await cli(["--checkpoint", "old.note", "--public-key", "other.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the checkpoint in old.note is not signed by the log's public key");
  });
});

describe("coffer audit verify --export (offline)", () => {
  // No server, no login: the environment names none.
  const offline = (args: string[], stdin?: string) => runCli(["audit", "verify", ...args], { cwd: dir, stdin });

  it("verifies an export with nothing but the checkpoint file and the public key", async () => {
    const result = await offline(["--export", "audit.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Export: {13}audit\.jsonl: 12 events read\nSigned tree head: {3}12 events, root /);
    expect(result.stdout).toContain("Compared with:      the given checkpoint, 12 events");
    expect(result.stdout).toContain("Audit log intact");
  });

  it("reads the export from stdin with -", async () => {
    expect((await offline(["--export", "-", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"], log.exportText)).code).toBe(0);
  });

  it("names the first changed event and exits 1", async () => {
    const edited = log.exportText.replace(exportLine(log.rows[4]!), exportLine({ ...log.rows[4]!, actorLabel: "mallory@example.com" }));
    await writeFile(join(dir, "edited.jsonl"), edited);
    const result = await offline(["--export", "edited.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Mismatch starts:    event #9\nAudit log NOT intact: event #9 was changed: line 5 no longer hashes to its leaf hash\n");
  });

  it("refuses a checkpoint signed by another key", async () => {
    const result = await offline(["--export", "audit.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "other.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Audit log NOT intact: the checkpoint of size 12 is not signed by this public key");
  });

  it("says what is missing on the command line, or unreadable", async () => {
    const usage = await offline(["--export", "audit.jsonl", "--checkpoint", "checkpoints.jsonl"]);
    expect(usage).toMatchObject({ code: 1 });
    expect(usage.stderr).toMatch(/^--export needs --checkpoint FILE and --public-key FILE/);
    expect((await offline(["--public-key", "audit.pem"])).stderr).toMatch(/^--public-key needs --checkpoint FILE/);
    expect((await offline(["--export", "nope.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"])).stderr).toContain('cannot read the export "nope.jsonl"');
    expect((await offline(["--export", "audit.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.jsonl"])).stderr).toContain("the public key is not usable");
  });
});

describe("coffer audit public-key", () => {
  it("prints the PEM, or the verifier key", async () => {
    expect(await runCli(["audit", "public-key"], { server })).toMatchObject({ code: 0, stdout: log.key.publicKeyPem });
    expect((await runCli(["audit", "public-key", "--verifier-key"], { server })).stdout).toBe(`${log.key.verifierKey}\n`);
  });
});
