// Regression (issue 17): a second `npm start` without changes rebuilt for
// 38 s, because `npm install` regenerates the Prisma client and the start
// compared modification times. The build is now keyed on file contents.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changedSources, recordedFingerprint, recordFingerprint, sourceFingerprint } from "../../scripts/source-fingerprint.mjs";

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "coffer-fingerprint-"));
  write("lib/a.ts", "export const a = 1;\n");
  write("lib/generated/prisma/client.ts", "generated\n");
  write("lib/a.test.ts", "test\n");
  write("server.ts", "server\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("sourceFingerprint", () => {
  it("hashes build sources by content, leaving out the generated client and tests", () => {
    const fingerprint = sourceFingerprint(root, ["lib", "server.ts", "missing.ts"]);
    expect(Object.keys(fingerprint).sort()).toEqual(["lib/a.ts", "server.ts"]);
    expect(fingerprint["lib/a.ts"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sees no change when only modification times move", () => {
    const before = sourceFingerprint(root, ["lib", "server.ts"]);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "lib/a.ts"), later, later);
    write("lib/generated/prisma/client.ts", "regenerated\n");
    expect(changedSources(before, sourceFingerprint(root, ["lib", "server.ts"]))).toEqual([]);
  });

  it("names files changed, added and removed", () => {
    const before = sourceFingerprint(root, ["lib", "server.ts"]);
    write("lib/a.ts", "export const a = 2;\n");
    write("lib/b.ts", "new\n");
    rmSync(join(root, "server.ts"));
    expect(changedSources(before, sourceFingerprint(root, ["lib", "server.ts"]))).toEqual(["lib/a.ts", "lib/b.ts", "server.ts"]);
  });

  it("reads back what a build recorded, and null before any build", () => {
    expect(recordedFingerprint(root)).toBeNull();
    mkdirSync(join(root, ".next"));
    const fingerprint = sourceFingerprint(root, ["lib"]);
    recordFingerprint(fingerprint, root);
    expect(recordedFingerprint(root)).toEqual(fingerprint);
  });
});
