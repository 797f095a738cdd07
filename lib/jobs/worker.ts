// The background worker of this process (started by instrumentation.ts):
// polls the Job table and runs at most one job at a time. Several app nodes
// each run one; the queue's row locks keep them from sharing a job. It
// never throws into the process: a failure is logged and the next poll
// tries again.
import { duringNextBuild } from "../config/build-phase";
import { newHolderId } from "../db/ids";
import { log } from "../log/logger";
import { MINUTE_MS } from "../time";
import { enqueueDueJobs } from "./recurring-jobs";
import { runNextJob } from "./run-next-job";

export const POLL_INTERVAL_MS = 2_000;
/** How often a worker checks whether a recurring job (recurring-jobs.ts) is due. */
export const SCHEDULE_INTERVAL_MS = MINUTE_MS;

export type JobWorker = {
  readonly id: string;
  /** Runs one poll now; resolves at once when a job is already running. */
  tick(): Promise<void>;
  stop(): void;
};

// On globalThis, so a second start (Next's dev reloads, a second import of
// this module from another bundle) finds the running worker.
const holder = globalThis as unknown as { cofferJobWorker?: JobWorker };

export function startJobWorker(options: { intervalMs?: number; scheduleIntervalMs?: number } = {}): JobWorker | null {
  if (duringNextBuild()) return null;
  holder.cofferJobWorker ??= createWorker(options.intervalMs ?? POLL_INTERVAL_MS, options.scheduleIntervalMs ?? SCHEDULE_INTERVAL_MS);
  return holder.cofferJobWorker;
}

function createWorker(intervalMs: number, scheduleIntervalMs: number): JobWorker {
  const id = newHolderId();
  let busy = false;
  let scheduledAt = 0;
  let lastProblem: string | null = null;
  // Aborted at shutdown: the running job stops between steps instead of
  // failing when server.ts closes the database under it.
  const shutdown = new AbortController();

  const tick = async () => {
    if (busy || shutdown.signal.aborted) return;
    busy = true;
    try {
      if (Date.now() - scheduledAt >= scheduleIntervalMs) {
        await enqueueDueJobs();
        scheduledAt = Date.now();
      }
      await runNextJob(id, shutdown.signal);
      lastProblem = null;
    } catch (error) {
      // While the database is down every poll fails the same way: log it once.
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== lastProblem) log.error({ err: error, workerId: id }, "job worker: poll failed");
      lastProblem = problem;
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(() => void tick(), intervalMs);
  // Polling alone must not keep the process alive at shutdown.
  timer.unref();
  const stop = () => {
    shutdown.abort();
    clearInterval(timer);
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    if (holder.cofferJobWorker === worker) holder.cofferJobWorker = undefined;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    // A lone listener would swallow the signal's default exit: re-raise it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  const worker: JobWorker = { id, tick, stop };
  log.debug({ workerId: id, intervalMs }, "job worker started");
  return worker;
}
