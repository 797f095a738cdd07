// One chunk of the walk: the leaves of an aligned block of the tree,
// recomputed from their events. Chunks are perfect subtrees (2^k leaves,
// starting at a multiple of 2^k), so each can be checked on its own, in
// any thread, and the walk (verify-walk.ts) joins them by their roots.
// Pure: rows in, result out.
import { Frontier } from "../../../packages/contracts/src/transparency/frontier";
import { HASH_BYTES } from "../../../packages/contracts/src/transparency/merkle";
import { eventLeafHash } from "./seal";
import type { LeafRow } from "./verify-rows";

/** Leaves per chunk: one read of a few megabytes, a few tens of milliseconds of hashing. */
export const CHUNK = 2 ** 13;

export type ChunkSpec = {
  /** The walk's chunk size, a power of two (CHUNK but in tests). */
  chunk: number;
  /** A multiple of `chunk`. */
  start: number;
  /** start + chunk, or the tree size for the last chunk. */
  end: number;
  /** Tree sizes in (start, end] whose frontier the walk needs (checkpoints to compare, the tree's own size). */
  cuts: readonly number[];
  /** Leaves with seq ≤ this whose event is gone were archived: their stored hash stands. */
  archivedThroughSeq: string | null;
};

/**
 * The frontier pieces of [start, size): with the walk's frontier at `start`
 * they make the frontier at `size`. The counts are the chunk's up to there.
 */
export type ChunkCut = { size: number; hashes: Buffer[]; lastSeq: string; checked: number; archived: number };

export type ChunkProblem =
  | { kind: "gap"; leafIndex: number; afterSeq: string | null; nextSeq: string | null }
  | { kind: "missing-event"; leafIndex: number; seq: string }
  | { kind: "edited"; leafIndex: number; seq: string };

export type ChunkResult = {
  start: number;
  end: number;
  checked: number;
  archived: number;
  /** The chunk's root when it is whole and clean (`chunk` leaves, no problem). */
  root: Buffer | null;
  cuts: ChunkCut[];
  /** The first bad leaf; leaves after it were not looked at. */
  problem: ChunkProblem | null;
};

export function checkChunk(rows: readonly LeafRow[], spec: ChunkSpec): ChunkResult {
  const { start, end, cuts } = spec;
  const archivedThrough = spec.archivedThroughSeq === null ? -1n : BigInt(spec.archivedThroughSeq);
  const local = new Frontier();
  const result: ChunkResult = { start, end, checked: 0, archived: 0, root: null, cuts: [], problem: null };
  let nextCut = 0;
  let previousSeq: string | null = null;
  for (let i = 0; i < end - start; i++) {
    const row = rows[i];
    if (!row || Number(row.leafIndex) !== start + i) {
      result.problem = { kind: "gap", leafIndex: start + i, afterSeq: previousSeq, nextSeq: row?.seq ?? null };
      return result;
    }
    const stored = row.leafHash;
    const archived = row.gone;
    if (archived && BigInt(row.seq) > archivedThrough) {
      result.problem = { kind: "missing-event", leafIndex: start + i, seq: row.seq };
      return result;
    }
    const leaf = archived ? stored : eventLeafHash(row as Parameters<typeof eventLeafHash>[0]);
    if (stored.length !== HASH_BYTES || !Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).equals(leaf)) {
      result.problem = { kind: "edited", leafIndex: start + i, seq: row.seq };
      return result;
    }
    if (archived) result.archived += 1;
    else result.checked += 1;
    local.appendLeaf(leaf);
    previousSeq = row.seq;
    // Every piece of [start, size) is a perfect subtree inside this aligned chunk, so a frontier begun at 0 has them.
    while (nextCut < cuts.length && cuts[nextCut] === start + local.size) {
      result.cuts.push({
        size: cuts[nextCut]!,
        hashes: local.hashes,
        lastSeq: row.seq,
        checked: result.checked,
        archived: result.archived,
      });
      nextCut += 1;
    }
  }
  if (end - start === spec.chunk) result.root = local.root();
  return result;
}
