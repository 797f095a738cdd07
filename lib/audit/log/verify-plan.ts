// Before the walk: the signatures and sizes that decide most tampering
// without reading a leaf, and the list of signed roots the walk must meet.
// A superuser can rewrite every row of the database but cannot sign, and
// cannot reach the checkpoints held outside it; so
//   - the database's newest checkpoint must carry the log's signature;
//   - the newest checkpoint held outside must too, and the tree may not be
//     smaller than it (events deleted, up to every audit table emptied);
//   - the walk must meet every signed root at its size (verify-walk.ts).
import { verifyCheckpoint, type Checkpoint, type PublicKeyInput } from "../../../packages/contracts/src/transparency/checkpoint";
import { decodeBase64 } from "../../../packages/contracts/src/transparency/signed-note";
import type { LogProblem, LogReport, TreeHead } from "../../../packages/contracts/src/audit/log-report";
import type { LogState } from "./verify-rows";

/** A checkpoint held outside the database; a bare note has no fields besides it. */
export type OutsideRecord = { note: string; size?: number; rootHash?: string; lastSeq?: string | null; keyId?: string };
export type OutsideCopies = { source: "file" | "given"; records: OutsideRecord[] };

/** A root the walk must meet at `size`. `signed`: its note was verified; the others are checked only if they disagree. */
export type Target = { size: number; rootHash: string; lastSeq: string | null; what: string; note: string; signed: boolean };

export type VerifyPlan = {
  treeSize: number;
  lastLeafSeq: string | null;
  archivedThroughSeq: string | null;
  unsealed: number;
  head: TreeHead | null;
  /** The last seq the database's newest checkpoint covers (its row says so; the signature does not). */
  headLastSeq: string | null;
  outside: LogReport["outside"];
  /** Ascending by size; none larger than the tree. */
  targets: Target[];
};

export type Planned = { plan: VerifyPlan } | { report: LogReport };

const WHERE = { file: "the checkpoint file", given: "the checkpoints given" } as const;

function signed(note: string, key: PublicKeyInput): Checkpoint | Error {
  try {
    return verifyCheckpoint(note, key);
  } catch (error) {
    return error as Error;
  }
}

function treeHead(checkpoint: Checkpoint, keyId: string): TreeHead {
  return { size: checkpoint.size, rootHash: checkpoint.rootHash.toString("base64"), time: checkpoint.time.toISOString(), keyId };
}

export function failedReport(
  plan: Pick<VerifyPlan, "head" | "outside" | "unsealed">,
  problem: LogProblem,
  counts = { checked: 0, archived: 0 },
): LogReport {
  return { ok: false, ...counts, unsealed: plan.unsealed, head: plan.head, outside: plan.outside, problem };
}

/** The record with the largest size (the last of equals): the most history a copy outside vouches for. */
function newestRecord(records: readonly OutsideRecord[]): OutsideRecord | null {
  let newest: OutsideRecord | null = null;
  for (const record of records) if (!newest || (record.size ?? -1) >= (newest.size ?? -1)) newest = record;
  return newest;
}

/** The other records the walk can localize a rewrite with: well-formed, inside the tree, not yet verified. */
function unsignedTargets(records: readonly OutsideRecord[], skip: OutsideRecord | null, treeSize: number, where: string): Target[] {
  const targets: Target[] = [];
  for (const record of records) {
    if (record === skip || !Number.isSafeInteger(record.size) || record.size! < 1 || record.size! > treeSize) continue;
    if (typeof record.rootHash !== "string" || decodeBase64(record.rootHash)?.length !== 32) continue;
    const lastSeq = typeof record.lastSeq === "string" && /^\d{1,19}$/.test(record.lastSeq) ? record.lastSeq : null;
    targets.push({
      size: record.size!,
      rootHash: record.rootHash,
      lastSeq,
      what: `the checkpoint of size ${record.size} in ${where}`,
      note: record.note,
      signed: false,
    });
  }
  return targets;
}

export function planVerification(state: LogState, copies: OutsideCopies | null, key: PublicKeyInput, keyId: string): Planned {
  const base = { head: null as TreeHead | null, outside: null as LogReport["outside"], unsealed: state.unsealed };
  const { treeSize } = state;
  const targets: Target[] = [];

  let head: Checkpoint | null = null;
  if (state.head) {
    const checked = signed(state.head.note, key);
    if (checked instanceof Error) {
      return {
        report: failedReport(base, {
          code: "bad-signature",
          message: `the database's newest checkpoint (size ${state.head.size}) is not signed by this log's key: ${checked.message}`,
        }),
      };
    }
    head = checked;
    base.head = treeHead(head, state.head.keyId);
    if (head.size > 0) {
      targets.push({
        size: head.size,
        rootHash: base.head.rootHash,
        lastSeq: state.head.lastSeq,
        what: `the database's newest checkpoint (size ${head.size})`,
        note: state.head.note,
        signed: true,
      });
    }
  }

  let outside: Checkpoint | null = null;
  let outsideSeq: string | null = null;
  const newest = copies ? newestRecord(copies.records) : null;
  if (copies && newest) {
    const where = WHERE[copies.source];
    const checked = signed(newest.note, key);
    if (checked instanceof Error) {
      return {
        report: failedReport(base, {
          code: "bad-signature",
          message: `the newest checkpoint in ${where} is not signed by this log's key: ${checked.message}`,
        }),
      };
    }
    outside = checked;
    outsideSeq = typeof newest.lastSeq === "string" ? newest.lastSeq : null;
    base.outside = { ...treeHead(outside, newest.keyId ?? keyId), source: copies.source };
    if (outside.size > 0 && outside.size <= treeSize) {
      targets.push({
        size: outside.size,
        rootHash: base.outside.rootHash,
        lastSeq: outsideSeq,
        what: `the newest checkpoint in ${where} (size ${outside.size})`,
        note: newest.note,
        signed: true,
      });
    }
    targets.push(...unsignedTargets(copies.records, newest, treeSize, where));
  }

  const deleted = deletion(state, head, state.head?.lastSeq ?? null, outside, outsideSeq, copies?.source ?? "file");
  if (deleted) return { report: failedReport(base, deleted) };

  // Signed ones first at equal sizes: they are compared before the unverified.
  targets.sort((a, b) => a.size - b.size || Number(b.signed) - Number(a.signed));
  return {
    plan: {
      treeSize,
      lastLeafSeq: state.lastLeafSeq,
      archivedThroughSeq: state.archivedThroughSeq,
      unsealed: state.unsealed,
      head: base.head,
      headLastSeq: state.head?.lastSeq ?? null,
      outside: base.outside,
      targets,
    },
  };
}

/** A signed checkpoint larger than the tree: leaves (and their events) were deleted. */
function deletion(
  state: LogState,
  head: Checkpoint | null,
  headSeq: string | null,
  outside: Checkpoint | null,
  outsideSeq: string | null,
  source: "file" | "given",
): LogProblem | null {
  const { treeSize } = state;
  const outsideLarger = outside !== null && outside.size > treeSize && outside.size >= (head?.size ?? 0);
  const larger = outsideLarger ? outside : head && head.size > treeSize ? head : null;
  if (!larger) return null;
  const seq = outsideLarger ? outsideSeq : headSeq;
  const who = outsideLarger ? `a signed checkpoint in ${WHERE[source]}` : "the database's newest checkpoint";
  const missing = larger.size - treeSize;
  const through = seq ? ` (through seq ${seq})` : "";
  const problem: LogProblem = {
    code: "deleted",
    message:
      `${who} covers ${larger.size} leaves${through}, but the database's tree has ${treeSize === 0 ? "none" : treeSize}: ` +
      `${missing} sealed ${missing === 1 ? "event was" : "events were"} deleted`,
  };
  if (seq) problem.range = { afterSeq: state.lastLeafSeq, throughSeq: seq };
  return problem;
}

/**
 * At most `max` of the unverified targets, evenly spaced (the signed ones
 * all stay): for a plan kept in a job's payload, where every sealing's
 * checkpoint would be too many. Fewer targets only widen a rewrite's range.
 */
export function thinTargets(targets: readonly Target[], max: number): Target[] {
  const unsigned = targets.filter((t) => !t.signed);
  if (unsigned.length <= max) return [...targets];
  const step = unsigned.length / max;
  const kept = new Set(Array.from({ length: max }, (_, i) => unsigned[Math.floor(i * step)]!));
  return targets.filter((t) => t.signed || kept.has(t));
}
