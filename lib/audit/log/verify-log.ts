// Verifies the audit log against its Merkle tree and the checkpoints held
// outside the database (README, "Audit log"): signatures and sizes first
// (verify-plan.ts), then every sealed leaf recomputed from its event and
// the tree rebuilt to meet each signed root (verify-walk.ts). The CLI, the
// API with `wait` and the console's background job all end in a LogReport.
// No `server-only`: the job worker runs from instrumentation.ts.
import { config } from "../../config/env";
import { connection } from "../../db/client";
import { readCheckpointRecords, readLocalCheckpoints } from "./outside-copies";
import type { LogReport } from "../../../packages/contracts/src/audit/log-report";
import { signingKey } from "./signing-key";
import { checkChunk } from "./verify-chunk";
import { walkParallel } from "./verify-parallel";
import { planVerification, type OutsideCopies } from "./verify-plan";
import { bulkLeafRows, readLogState, type LeafReader, type LogState } from "./verify-rows";
import { LogWalk } from "./verify-walk";

export type VerifyLogOptions = {
  /**
   * A checkpoint held elsewhere (a witness's copy, an operator's file): a
   * signed note or checkpoint-file lines. Used instead of this node's file.
   */
  given?: string;
  onProgress?: (checked: number, total: number) => void;
  /** Worker threads on PostgreSQL (default: one per core, up to 4); 0 walks on this thread. */
  threads?: number;
  /** Leaves per chunk, a power of two; tests make it small to walk many chunks. */
  chunk?: number;
};

/** The checkpoints a caller gave: the lines of a checkpoint file, or one bare note. */
export function givenCopies(text: string): OutsideCopies {
  const { records, bareNote } = readCheckpointRecords(text);
  return { source: "given", records: bareNote ? [{ note: bareNote }] : records };
}

export function fileCopies(): OutsideCopies | null {
  const records = readLocalCheckpoints();
  return records ? { source: "file", records } : null;
}

/** Starts a walk: the plan, or the report when signatures or sizes already decide it. */
export async function beginLogWalk(
  copies: OutsideCopies | null,
  options: { state?: LogState; chunk?: number } = {},
): Promise<LogWalk | LogReport> {
  const key = signingKey();
  const planned = planVerification(options.state ?? (await readLogState()), copies, key.publicKeyPem, key.keyId);
  return "report" in planned ? planned.report : new LogWalk(planned.plan, key.publicKeyPem, { chunk: options.chunk });
}

/**
 * Walks chunk after chunk on this thread; the next chunk's rows are read
 * while this one is hashed, so the database and the CPU work side by side.
 */
export async function walkInline(
  walk: LogWalk,
  read: LeafReader,
  options: { maxLeaves?: number; onProgress?: (checked: number) => void } = {},
): Promise<void> {
  const stopAt = walk.checkedLeaves + (options.maxLeaves ?? Infinity);
  let spec = walk.nextChunk();
  let pending = spec && read(spec.start, spec.end);
  while (spec && pending) {
    const rows = await pending;
    const next = spec.end < stopAt ? walk.chunkAt(spec.end) : null;
    pending = next && read(next.start, next.end);
    if (!walk.accept(checkChunk(rows, spec))) {
      await pending?.catch(() => undefined);
      return;
    }
    options.onProgress?.(walk.checkedLeaves);
    spec = next;
  }
}

export async function verifyAuditLog(options: VerifyLogOptions = {}): Promise<LogReport> {
  const walk = await beginLogWalk(options.given !== undefined ? givenCopies(options.given) : fileCopies(), { chunk: options.chunk });
  if (!(walk instanceof LogWalk)) return walk;
  const total = walk.plan.treeSize;
  const onProgress = options.onProgress && ((checked: number) => options.onProgress!(checked, total));
  const url = connection().kind === "postgresql" ? config().DATABASE_URL : undefined;
  const parallel = url && options.threads !== 0 && (await walkParallel(walk, { url, threads: options.threads, onProgress }));
  if (!parallel) await walkInline(walk, bulkLeafRows, { onProgress });
  return walk.report();
}
