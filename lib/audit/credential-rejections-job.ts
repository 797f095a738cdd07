// The flush of rejected-token counters: after a
// window ends, its unreported rejections become one summary event per key
// and the window's rows go. Scheduled by lib/jobs/recurring-jobs.ts only
// while an ended window has rows, so a quiet instance queues no jobs.
// No `server-only`: the job worker runs from instrumentation.ts.
import type { JobHandler, StepResult } from "../jobs/types";
import { flushCredentialRejections } from "./credential-rejections";

export const REJECTION_FLUSH_JOB_KIND = "credential-rejection-flush";
const BATCH = 500;

export const rejectionFlushJobHandler: JobHandler = {
  async step(tx): Promise<StepResult> {
    const handled = await flushCredentialRejections(tx, new Date(), BATCH);
    return { done: handled, finished: handled < BATCH };
  },
};
