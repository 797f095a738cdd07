import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { archiveLine, buildLog, exportLine, fixtureKey, ORIGIN, rowLeafHash } from "../../packages/cli/src/test-support/audit-log-fixture";
import { jsonlLine } from "../../lib/audit/audit-rows";
import { signCheckpoint } from "../../packages/contracts/src/transparency/checkpoint";
import { isPostgresJsonText } from "../../packages/cli/src/audit/offline-export-line";
import { ExportReader, OfflineInputError, verifyExportAgainst, verifyExportOffline } from "../../packages/cli/src/audit/offline-verify";

const log = buildLog();
const pem = log.key.publicKeyPem;
const newest = log.checkpoints.at(-1)!;

const verify = (exportData: string | Uint8Array, checkpoint = log.checkpointFile, publicKey = pem) =>
  verifyExportOffline({ exportData, checkpoint, publicKey });
const lines = () => log.exportText.split(/(?<=\n)/);
const withLine = (index: number, line: string) =>
  lines()
    .map((l, i) => (i === index ? line : l))
    .join("");

describe("offline verification of an export", () => {
  it("passes an intact export against the newest checkpoint of a checkpoint file", () => {
    const report = verify(log.exportText);
    expect(report).toMatchObject({ ok: true, checked: 12, unsealed: 0, archived: 0, problem: null });
    expect(report.head).toEqual({ size: 12, rootHash: newest.rootHash, time: newest.time, keyId: log.key.keyId });
    expect(report.outside).toEqual({ ...report.head, source: "given" });
  });

  it("reads what the server's export writes: the fixture's lines are jsonlLine's", () => {
    for (const row of log.rows)
      expect(jsonlLine({ ...row, leafIndex: row.leafIndex === null ? null : String(row.leafIndex) })).toBe(exportLine(row));
  });

  it("takes a bare signed note, and the key as PEM, raw base64 or verifier key", () => {
    for (const key of [pem, log.key.publicKeyBase64, log.key.verifierKey, `${pem}\n\n`]) {
      expect(verify(log.exportText, newest.note, key).ok).toBe(true);
    }
  });

  it("checks what an older checkpoint covers and counts the later events as not covered", () => {
    const report = verify(log.exportText, log.checkpoints[0]!.note);
    expect(report).toMatchObject({ ok: true, checked: 4, unsealed: 8 });
  });

  it("counts events not sealed when exported as unsealed", () => {
    const partly = buildLog({ sealed: 9 });
    const report = verify(partly.exportText, partly.checkpointFile);
    expect(report).toMatchObject({ ok: true, checked: 9, unsealed: 3 });
  });

  it("refuses a checkpoint signed by another key, naming it", () => {
    const forged = signCheckpoint({ origin: ORIGIN, size: 12, rootHash: Buffer.alloc(32, 1), time: new Date() }, fixtureKey(4).privateKey);
    const report = verify(log.exportText, forged);
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ code: "bad-signature" });
    expect(report.problem!.message).toMatch(/^the checkpoint is not signed by this public key/);
    expect(report.head).toBeNull();
  });

  it("refuses a checkpoint whose size was edited, and names it in a checkpoint file", () => {
    const edited = log.checkpointFile.replace(`"size":12,`, `"size":13,`).replace("\\n12\\n", "\\n13\\n");
    expect(verify(log.exportText, edited).problem).toMatchObject({
      code: "bad-signature",
      message: expect.stringMatching(/^the checkpoint of size 13 is not signed/),
    });
  });

  it("skips a torn last line of the checkpoint file", () => {
    expect(verify(log.exportText, `${log.checkpointFile}{"origin":"coffer.te`).ok).toBe(true);
  });

  it("says what is wrong with an unusable key or an empty checkpoint file", () => {
    expect(() => verify(log.exportText, log.checkpointFile, "not a key")).toThrow(OfflineInputError);
    expect(() => verify(log.exportText, "{}\n")).toThrow(/holds no checkpoint/);
  });

  it("names an event whose details were edited", () => {
    const row = { ...log.rows[5]!, details: '{"i": 1, "name": "db_pw", "version": 3}' };
    const report = verify(withLine(5, exportLine(row)));
    expect(report.problem).toEqual({
      code: "edited",
      firstBadSeq: "11",
      message: "event #11 was changed: line 6 no longer hashes to its leaf hash",
    });
  });

  it("names an old-chain event whose chain hash no longer fits", () => {
    const row = { ...log.rows[1]!, outcome: "denied" };
    row.leafHash = rowLeafHash(row).toString("base64");
    expect(verify(withLine(1, exportLine(row))).problem).toMatchObject({
      code: "edited",
      firstBadSeq: "3",
      message: expect.stringContaining("hash-chain hash"),
    });
  });

  it("names the gap where an event was deleted, and the tail when the last ones were", () => {
    const report = verify(withLine(6, ""));
    expect(report.problem).toEqual({
      code: "missing-event",
      message: "leaf 6 is missing from the export: the event after #11 and before #22 was deleted",
      range: { afterSeq: "11", throughSeq: "21" },
    });
    const cut = verify(lines().slice(0, 10).join(""));
    expect(cut.problem).toMatchObject({ code: "deleted", range: { afterSeq: "26", throughSeq: "30" } });
    expect(cut.problem!.message).toContain("the last 2 are missing, after #26");
  });

  it("finds a rewrite that re-hashed an event and its leaf, between the checkpoints that still match and the first that does not", () => {
    const row = { ...log.rows[9]!, outcome: "denied" };
    row.leafHash = rowLeafHash(row).toString("base64");
    const report = verify(withLine(9, exportLine(row)));
    // Checkpoints at 4, 8 and 12 leaves: the tree of 8 still matches, so the change is in leaves 8..11.
    expect(report.problem).toEqual({
      code: "rewritten",
      message: "the events no longer add up to the signed root of the tree of 12: history was rewritten and re-hashed after #22, up to #30",
      range: { afterSeq: "22", throughSeq: "30" },
    });
    // With only the newest checkpoint, the whole tree is suspect.
    expect(verify(withLine(9, exportLine(row)), newest.note).problem!.range).toEqual({ afterSeq: null, throughSeq: "30" });
  });

  it("names an event whose leaf index was changed", () => {
    const row = { ...log.rows[3]!, leafIndex: 9 };
    expect(verify(withLine(3, exportLine(row))).problem).toMatchObject({
      code: "edited",
      firstBadSeq: "7",
      message: "event #7 was changed: line 4 gives leaf 9, but in sequence order it is leaf 3",
    });
  });

  it("reads archives (without leaf fields) before the export, and the same event in both once", () => {
    const archive = log.rows.slice(0, 7).map(archiveLine).join("");
    expect(verify(archive + lines().slice(5).join(""))).toMatchObject({ ok: true, checked: 12 });
    const edited = archiveLine({ ...log.rows[6]!, outcome: "error" });
    expect(verify(archive.replace(archiveLine(log.rows[6]!), edited) + lines().slice(5).join("")).problem).toMatchObject({
      code: "edited",
      firstBadSeq: "20",
    });
  });

  it("says an export that broke off is incomplete", () => {
    const text =
      lines().slice(0, 5).join("") + '{"error":{"code":"unavailable","message":"the export is incomplete: reading stopped after seq 9"}}\n';
    expect(verify(text).problem).toMatchObject({
      code: "missing-event",
      message: expect.stringMatching(/^the export is incomplete \(line 6\)/),
    });
  });

  it("reads the export in chunks of any size, split inside characters", () => {
    const bytes = Buffer.from(log.exportText, "utf8");
    for (const size of [1, 7, 64]) {
      const reader = new ExportReader();
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
      expect(verifyExportAgainst(reader.end(), log.checkpointFile, pem).ok).toBe(true);
    }
  });

  it("names an event whose time was changed to a day that does not exist", () => {
    // Regression: a month of 22 made Date.toISOString throw instead of naming the event (found by the property below).
    const line = lines()[0]!.replace('"time":"2026-12-', '"time":"2026-22-');
    expect(verify(withLine(0, line)).problem).toEqual({
      code: "edited",
      firstBadSeq: "1",
      message: "event #1 was changed: line 1 has no valid time",
    });
  });

  it("catches a respelling that keeps the values: a tab for a space, an exponent, another base64 of the same hash", () => {
    const line = lines()[1]!;
    expect(verify(withLine(1, line.replace('"i": 1', '"i":\t1'))).problem).toMatchObject({
      firstBadSeq: "3",
      message: expect.stringContaining("is not spelled as Coffer writes it"),
    });
    expect(verify(withLine(2, lines()[2]!.replace("2.50", "25e-1"))).problem).toMatchObject({ firstBadSeq: "5" });
    const hash = log.rows[1]!.leafHash!;
    // The 43rd character carries 2 bits the 32 bytes do not use: flipping one is a second spelling.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const respelled = hash.slice(0, 42) + alphabet[alphabet.indexOf(hash[42]!) ^ 1] + hash.slice(43);
    expect(Buffer.from(respelled, "base64")).toEqual(Buffer.from(hash, "base64"));
    expect(verify(withLine(1, line.replace(hash, respelled))).problem).toMatchObject({ firstBadSeq: "3" });
  });

  // Bytes that respell a value without changing it (JSON whitespace, exponents, signs, escapes,
  // base64 letters) half the time: uniform bytes alone would rarely hit one.
  const SPELLING_BYTES = fc.constantFrom(...Buffer.from(' \t\r\n eE+-.0159\\"/uAaQgw='));

  // A few seconds on an idle machine; the limit leaves room for a busy one.
  it("catches every one-byte change anywhere in an event line, and names that event", { timeout: 60_000 }, () => {
    const bytes = Buffer.from(log.exportText, "utf8");
    const starts = lines().reduce<number[]>((acc, l) => [...acc, acc.at(-1)! + Buffer.byteLength(l)], [0]);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.oneof(SPELLING_BYTES, fc.integer({ min: 0, max: 255 })), (at, value) => {
        fc.pre(bytes[at] !== value);
        const changed = Buffer.from(bytes);
        changed[at] = value;
        const report = verify(changed);
        const index = starts.findIndex((start, i) => at >= start && at < starts[i + 1]!);
        const { seq } = log.rows[index]!;
        expect(report.ok).toBe(false);
        const problem = report.problem!;
        const named =
          problem.firstBadSeq === seq ||
          problem.message.includes(`line ${index + 1} `) ||
          (problem.range && BigInt(problem.range.afterSeq ?? 0) < BigInt(seq) && BigInt(seq) <= BigInt(problem.range.throughSeq));
        expect(named, `${problem.message} (byte ${at} of line ${index + 1}, event #${seq})`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isPostgresJsonText", () => {
  it("accepts what PostgreSQL prints for jsonb, and nothing spelled otherwise", () => {
    // psql: SELECT '{"b":[1,2.50,{"x":null}],"a":"\u0001 é \/ \"q\" \\ \t","ccc":true,"n":1e3,"z":-0}'::jsonb::text
    expect(isPostgresJsonText('{"a": "\\u0001 é / \\"q\\" \\\\ \\t", "b": [1, 2.50, {"x": null}], "n": 1000, "z": 0, "ccc": true}')).toBe(
      true,
    );
    for (const good of ["{}", "[]", '"x"', "-0.5", "true", "null", '{"a": []}']) expect(isPostgresJsonText(good), good).toBe(true);
    for (const bad of [
      '{"a":1}',
      '{"a": 1,"b": 2}',
      '{"a": 1e3}',
      '{"a": 01}',
      '{"a": "\\/"}',
      '{"a": "\\u00e9"}',
      '{"a": "\\u001F"}',
      "{ }",
      '{"a": 1} ',
      "[1,2]",
    ]) {
      expect(isPostgresJsonText(bad), bad).toBe(false);
    }
  });
});
