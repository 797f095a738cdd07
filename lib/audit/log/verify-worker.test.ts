// The worker thread repeats the canonical event text and the chunk check
// (verify-worker-source.ts): a worker that hashed one byte differently
// would call an intact log edited, or worse. These hold it to the originals.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalEventText } from "../../../packages/contracts/src/audit/canonical";
import { CHUNK, checkChunk, type ChunkResult, type ChunkSpec } from "./verify-chunk";
import { unpackResult } from "./verify-parallel";
import type { LeafRow } from "./verify-rows";
import { eventLeafHash } from "./seal";
import { VERIFY_WORKER_FUNCTIONS } from "./verify-worker-source";

type Packed = Parameters<typeof unpackResult>[0];

type WorkerFunctions = {
  canonicalText(row: LeafRow): string;
  checkChunk(rows: LeafRow[], spec: ChunkSpec): unknown;
  pack(result: unknown): Packed;
};

function workerFunctions(): WorkerFunctions {
  const body = `"use strict";${VERIFY_WORKER_FUNCTIONS}\nreturn { canonicalText, checkChunk, pack };`;
  return new Function("require", body)(createRequire(import.meta.url)) as WorkerFunctions;
}

const worker = workerFunctions();
// The worker's chunk check as the walk sees it: through pack and unpack.
const workerCheck = (rows: LeafRow[], spec: ChunkSpec): ChunkResult => unpackResult(worker.pack(worker.checkChunk(rows, spec)));

const tricky = ['say "hi"', "back\\slash", "line\nbreak\ttab\r", "\u0001\u001f\u007f", "\u2028\u2029", "é 中 😀", "", "</script>", "null"];

function event(seq: number, overrides: Partial<LeafRow> = {}): Omit<LeafRow, "leafIndex" | "leafHash"> {
  const pick = (i: number) => tricky[(seq + i) % tricky.length]!;
  return {
    seq: String(seq),
    time: "2026-12-01T10:11:12.013Z",
    actorType: "user",
    actorId: seq % 3 ? `usr_${seq}` : null,
    actorLabel: pick(0),
    action: "secret.read",
    resourceType: seq % 2 ? "secret" : null,
    resourceId: pick(1),
    resourceName: pick(2),
    namespace: seq % 4 ? "prod" : null,
    outcome: "success",
    gone: false,
    ip: seq % 5 ? "203.0.113.7" : null,
    userAgent: pick(3),
    requestId: pick(4),
    // As PostgreSQL writes JSONB: its own key order, spaces.
    details: seq % 3 ? `{"z": [1, 2.5, -0, 1e21, true, null], "a": {"é": "x", "Z": ${JSON.stringify(pick(5))}, "10": 1, "9": 2}}` : "{}",
    ...overrides,
  };
}

/** Leaves start..start+count-1 sealed over their events, as the sequencer would. */
function sealedRows(start: number, count: number): LeafRow[] {
  return Array.from({ length: count }, (_, i) => {
    const row = event(1000 + 2 * (start + i));
    return { ...row, leafIndex: String(start + i), leafHash: eventLeafHash(row as Parameters<typeof eventLeafHash>[0]) };
  });
}

describe("the verification worker's code", () => {
  it("writes the canonical event text byte for byte", () => {
    for (let seq = 1; seq <= 60; seq++) {
      const row = { ...event(seq), leafIndex: "0", leafHash: Buffer.alloc(32) };
      expect(worker.canonicalText(row)).toBe(canonicalEventText(row as Parameters<typeof canonicalEventText>[0]));
    }
  });

  it("writes the canonical event text for any strings and details", () => {
    const text = fc.option(fc.string({ unit: "grapheme" }), { nil: null });
    const json = fc.jsonValue().map((value) => JSON.stringify({ v: value }));
    fc.assert(
      fc.property(text, text, fc.string({ unit: "binary" }), json, (label, name, agent, details) => {
        const row = {
          ...event(7, { actorLabel: label, resourceName: name, userAgent: agent, details }),
          leafIndex: "0",
          leafHash: Buffer.alloc(32),
        };
        expect(worker.canonicalText(row)).toBe(canonicalEventText(row as Parameters<typeof canonicalEventText>[0]));
      }),
      { numRuns: 300 },
    );
  });

  it("checks a whole chunk like checkChunk: root, cuts and counts", () => {
    const rows = sealedRows(CHUNK, CHUNK);
    const spec: ChunkSpec = {
      chunk: CHUNK,
      start: CHUNK,
      end: 2 * CHUNK,
      cuts: [CHUNK + 1, CHUNK + 777, 2 * CHUNK],
      archivedThroughSeq: null,
    };
    const expected = checkChunk(rows, spec);
    expect(expected.root).not.toBeNull();
    expect(expected.cuts).toHaveLength(3);
    expect(workerCheck(rows, spec)).toEqual(expected);
  });

  it("checks the last, partial chunk like checkChunk", () => {
    const rows = sealedRows(0, 1000);
    const spec: ChunkSpec = { chunk: CHUNK, start: 0, end: 1000, cuts: [5, 1000], archivedThroughSeq: null };
    expect(workerCheck(rows, spec)).toEqual(checkChunk(rows, spec));
  });

  it("names the same first bad leaf as checkChunk, whatever was tampered with", () => {
    const spec: ChunkSpec = { chunk: 512, start: 0, end: 300, cuts: [10, 300], archivedThroughSeq: "1100" };
    const tamperings: Record<string, (rows: LeafRow[]) => LeafRow[]> = {
      intact: (rows) => rows,
      edited: (rows) => rows.map((r, i) => (i === 120 ? { ...r, actorLabel: "mallory@example.com" } : r)),
      "edited details": (rows) => rows.map((r, i) => (i === 121 ? { ...r, details: '{"z": 1}' } : r)),
      "replaced leaf hash": (rows) => rows.map((r, i) => (i === 7 ? { ...r, leafHash: Buffer.alloc(32, 1) } : r)),
      "short leaf hash": (rows) => rows.map((r, i) => (i === 8 ? { ...r, leafHash: Buffer.alloc(31) } : r)),
      "missing event": (rows) => rows.map((r, i) => (i === 200 ? gone(r) : r)),
      "archived events": (rows) => rows.map((r, i) => (i < 40 ? gone(r) : r)),
      gap: (rows) => rows.filter((_, i) => i !== 150),
      "cut short": (rows) => rows.slice(0, 250),
    };
    for (const [name, tamper] of Object.entries(tamperings)) {
      const rows = tamper(sealedRows(0, 300));
      expect(workerCheck(rows, spec), name).toEqual(checkChunk(rows, spec));
    }
  });
});

/** A leaf whose event row is gone: the LEFT JOIN gives nulls. */
function gone(row: LeafRow): LeafRow {
  const nulls = Object.fromEntries(
    Object.keys(row)
      .filter((k) => !["leafIndex", "seq", "leafHash", "gone"].includes(k))
      .map((k) => [k, null]),
  );
  return { ...row, ...nulls, gone: true } as LeafRow;
}
