// The sequencer loop: every app node runs one, and the one holding the
// lease (AuditSequencer row, taken over when its holder stops renewing)
// seals. A tick seals everything committed below the horizon, in batches,
// then writes each checkpoint's copies outside the database.
// No `server-only`: it starts from instrumentation.ts.
import { duringNextBuild } from "../../config/build-phase";
import { db } from "../../db/client";
import { newHolderId } from "../../db/ids";
import { log } from "../../log/logger";
import { settledHorizon } from "./horizon";
import { verifyLegacyChainOnce } from "./legacy-chain";
import { writeOutsideCopies } from "./outside-copies";
import { releaseLease, sealBatch, takeLease, type SealedCheckpoint } from "./seal";
import { runningSequencer, setRunningSequencer, type AuditSequencer } from "./sequencer-holder";
import { signingKey } from "./signing-key";

/** Committed events are sealed within about this long (plus the time a sealing takes). */
export const SEAL_INTERVAL_MS = 500;

export type SealReport = { sealed: number; checkpoints: SealedCheckpoint[]; leased: boolean };

/**
 * Seals everything committed so far, as `holder`. Returns what it sealed;
 * `leased` is false when another node holds the lease (it seals instead).
 */
export async function sealPending(holder: string, options: { maxWaitMs?: number } = {}): Promise<SealReport> {
  const report: SealReport = { sealed: 0, checkpoints: [], leased: false };
  const lease = await takeLease(db, holder);
  if (!lease) return report;
  report.leased = true;
  await verifyLegacyChainOnce();
  const horizon = await settledHorizon(db, options);
  // Idle: nothing numbered since the last sealing, so no transaction to open.
  if (horizon === null || horizon <= lease.sealedThroughSeq) return report;
  const key = signingKey();
  for (;;) {
    const result = await db.$transaction((tx) => sealBatch(tx, { holder, horizon, key }));
    if (!result) {
      report.leased = false;
      break;
    }
    report.sealed += result.sealed;
    if (result.checkpoint) {
      report.checkpoints.push(result.checkpoint);
      await writeOutsideCopies(result.checkpoint);
    }
    if (!result.more) break;
  }
  return report;
}

export function startAuditSequencer(options: { intervalMs?: number } = {}): AuditSequencer | null {
  if (duringNextBuild()) return null;
  const running = runningSequencer();
  if (running) return running;
  const sequencer = createSequencer(options.intervalMs ?? SEAL_INTERVAL_MS);
  setRunningSequencer(sequencer);
  return sequencer;
}

function createSequencer(intervalMs: number): AuditSequencer {
  const id = newHolderId();
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastProblem: string | null = null;

  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      try {
        await sealPending(id);
        if (lastProblem) log.info({ sequencer: id }, "audit sequencer: sealing again");
        lastProblem = null;
      } catch (error) {
        // While the database is down every tick fails the same way: log it once.
        const problem = error instanceof Error ? error.message : String(error);
        if (problem !== lastProblem) log.error({ err: error, sequencer: id }, "audit sequencer: sealing failed");
        lastProblem = problem;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const sequencer: AuditSequencer = {
    id,
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      if (runningSequencer() === sequencer) setRunningSequencer(undefined);
      await releaseLease(db, id).catch(() => undefined);
    },
  };
  return sequencer;
}
