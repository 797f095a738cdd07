// The walk on several threads (PostgreSQL only: PGlite lives in this
// process). Each worker reads and checks whole chunks over its own
// connection; this thread hands out chunks, a few ahead, and feeds the
// results to the walk in tree order. Reading rows costs as much as hashing
// them, so both move off this thread and every core works.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ChunkProblem, ChunkResult } from "./verify-chunk";
import { LEAF_ROWS_SQL } from "./verify-rows";
import type { LogWalk } from "./verify-walk";
import { VERIFY_WORKER_SOURCE } from "./verify-worker-source";

/** Chunks a worker holds at once: one being hashed, one being read. */
const DEPTH = 2;
/** How far results may run ahead of the walk (a slow worker holds the rest back). */
const MAX_AHEAD = 16;

type PackedResult = {
  start: number;
  end: number;
  checked: number;
  archived: number;
  problem: ChunkProblem | null;
  hasRoot: boolean;
  cuts: { size: number; count: number; lastSeq: string; checked: number; archived: number }[];
  bytes: Uint8Array;
};

export function unpackResult(packed: PackedResult): ChunkResult {
  const bytes = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength);
  let at = 0;
  const take = () => bytes.subarray(at, (at += 32));
  const root = packed.hasRoot ? take() : null;
  const cuts = packed.cuts.map(({ count, ...cut }) => ({ ...cut, hashes: Array.from({ length: count }, take) }));
  return { start: packed.start, end: packed.end, checked: packed.checked, archived: packed.archived, root, cuts, problem: packed.problem };
}

/** Both cores on this machine; a few more where there are more (PostgreSQL needs some too). */
export function verifyThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Where the worker loads the pg driver from: the app's own, as the main thread does. */
function pgModulePath(): string | null {
  try {
    return createRequire(join(process.cwd(), "package.json")).resolve("pg");
  } catch {
    return null;
  }
}

export function workerData(url: string): { pg: string; url: string; sql: string } | null {
  const pg = pgModulePath();
  return pg ? { pg, url, sql: LEAF_ROWS_SQL } : null;
}

/**
 * Walks to the end (or the first problem) on `threads` workers. Resolves
 * false, having done nothing, when the workers cannot load the driver.
 */
export async function walkParallel(
  walk: LogWalk,
  options: { url: string; threads?: number; onProgress?: (checked: number) => void },
): Promise<boolean> {
  if (walk.finished) return true;
  const data = workerData(options.url);
  if (!data) return false;
  const threads = options.threads ?? verifyThreads();
  const workers = Array.from({ length: threads }, () => new Worker(VERIFY_WORKER_SOURCE, { eval: true, workerData: data }));
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const ready = new Map<number, ChunkResult>();
  let nextStart = walk.checkedLeaves;
  let settled = false;

  const stopAll = () => {
    for (const worker of workers) {
      worker.postMessage({ stop: true });
      // A worker stuck in a query is not waited for.
      setTimeout(() => void worker.terminate(), 2_000).unref();
    }
  };

  return new Promise<boolean>((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      stopAll();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(true);
    };
    const feed = () => {
      for (const worker of workers) {
        while (inFlight.get(worker)! < DEPTH && nextStart - walk.checkedLeaves < MAX_AHEAD * walk.chunk) {
          const spec = walk.chunkAt(nextStart);
          if (!spec) return;
          nextStart = spec.end;
          inFlight.set(worker, inFlight.get(worker)! + 1);
          worker.postMessage({ chunk: spec });
        }
      }
    };
    const drain = () => {
      for (let result = ready.get(walk.checkedLeaves); result; result = ready.get(walk.checkedLeaves)) {
        ready.delete(result.start);
        const more = walk.accept(result);
        options.onProgress?.(walk.checkedLeaves);
        if (!more || walk.finished) return finish();
      }
      feed();
    };
    for (const worker of workers) {
      worker.on("message", (message: { result?: PackedResult; error?: string }) => {
        if (settled) return;
        if (message.error !== undefined) return finish(new Error(`audit verification worker: ${message.error}`));
        inFlight.set(worker, inFlight.get(worker)! - 1);
        const result = unpackResult(message.result!);
        ready.set(result.start, result);
        drain();
      });
      worker.on("error", (error) => finish(error));
      worker.on("exit", (code) => {
        if (!settled && code !== 0) finish(new Error(`audit verification worker exited with code ${code}`));
      });
    }
    feed();
  });
}
