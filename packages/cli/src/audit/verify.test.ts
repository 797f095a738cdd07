import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogReport } from "../../../contracts/src/audit/log-report";
import { buildLog, exportLine, fixtureKey } from "../test-support/audit-log-fixture";
import { runCli } from "../test-support/run-cli";
import { reportText } from "./verify-report";

const log = buildLog();
let dir: string;

const head = { size: 12, rootHash: log.checkpoints.at(-1)!.rootHash, time: "2026-12-01T10:01:12.000Z", keyId: log.key.keyId };
const intact: LogReport = { ok: true, checked: 12, archived: 0, unsealed: 1, head, outside: { ...head, source: "file" }, problem: null };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-cli-verify-"));
  await writeFile(join(dir, "audit.jsonl"), log.exportText);
  await writeFile(join(dir, "checkpoints.jsonl"), log.checkpointFile);
  await writeFile(join(dir, "audit.pem"), log.key.publicKeyPem);
  await writeFile(join(dir, "other.pem"), fixtureKey(5).publicKeyPem);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The report's wording; the integration tests (tests/cli/audit-verify.int.test.ts) run it against the server.
describe("the verification report", () => {
  it("prints the signed tree head, what it was compared with and the verdict", () => {
    expect(reportText(intact)).toBe(
      `Signed tree head:   12 events, root ${head.rootHash}, signed 2026-12-01T10:01:12.000Z, key ${log.key.keyId}\n` +
        `Compared with:      the server's checkpoint file, 12 events, root ${head.rootHash}, signed 2026-12-01T10:01:12.000Z, key ${log.key.keyId}\n` +
        "Checked:            12 recomputed from their events, 1 not covered by the checkpoint (not sealed yet, or newer)\n" +
        "Audit log intact: every sealed event matches the signed tree.\n",
    );
  });

  it("says where the mismatch starts: an event, or a range", () => {
    const edited = reportText({
      ...intact,
      ok: false,
      problem: { code: "edited", message: "event #7 no longer hashes to its sealed leaf", firstBadSeq: "7" },
    });
    expect(edited).toContain("Mismatch starts:    event #7\nAudit log NOT intact: event #7 no longer hashes to its sealed leaf\n");
    const rewritten = reportText({
      ...intact,
      ok: false,
      problem: { code: "rewritten", message: "rewritten", range: { afterSeq: null, throughSeq: "30" } },
    });
    expect(rewritten).toContain("Mismatch starts:    after the first event, up to #30\n");
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
    expect((await offline(["--export", "-", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"], log.exportText)).code).toBe(
      0,
    );
  });

  it("names the first changed event and exits 1", async () => {
    const edited = log.exportText.replace(exportLine(log.rows[4]!), exportLine({ ...log.rows[4]!, actorLabel: "mallory@example.com" }));
    await writeFile(join(dir, "edited.jsonl"), edited);
    const result = await offline(["--export", "edited.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Mismatch starts:    event #9\nAudit log NOT intact: event #9 was changed: line 5 no longer hashes to its leaf hash\n",
    );
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
    expect((await offline(["--export", "nope.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.pem"])).stderr).toContain(
      'cannot read the export "nope.jsonl"',
    );
    expect(
      (await offline(["--export", "audit.jsonl", "--checkpoint", "checkpoints.jsonl", "--public-key", "audit.jsonl"])).stderr,
    ).toContain("the public key is not usable");
  });
});
