// Which code runs each kind of job. To add a kind, write a JobHandler
// beside its domain (lib/<domain>/…-handler.ts) and list it here, or call
// registerJobHandler before the worker starts.
import { ARCHIVE_JOB_KIND, archiveJobHandler } from "../audit/archive-job";
import { REJECTION_FLUSH_JOB_KIND, rejectionFlushJobHandler } from "../audit/credential-rejections-job";
import { VERIFY_JOB_KIND, verifyJobHandler } from "../audit/verify-job";
import { rewrapJobHandler } from "../keys/rewrap-handler";
import { PURGE_JOB_KIND, purgeJobHandler } from "../secrets/purge-expired-secrets";
import { REWRAP_JOB_KIND } from "../keys/rewrap-job";
import { EXPIRY_WARNING_JOB_KIND, expiryWarningJobHandler } from "../rotation/expiry-warning-job";
import { ROTATION_JOB_KIND, rotationJobHandler } from "../rotation/rotation-job";
import type { JobHandler } from "./types";

const handlers = new Map<string, JobHandler>([
  [REWRAP_JOB_KIND, rewrapJobHandler],
  [VERIFY_JOB_KIND, verifyJobHandler],
  [ARCHIVE_JOB_KIND, archiveJobHandler],
  [PURGE_JOB_KIND, purgeJobHandler],
  [REJECTION_FLUSH_JOB_KIND, rejectionFlushJobHandler],
  [ROTATION_JOB_KIND, rotationJobHandler],
  [EXPIRY_WARNING_JOB_KIND, expiryWarningJobHandler],
]);

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

/** The kinds this process can run; the worker claims only these. */
export function jobKinds(): string[] {
  return [...handlers.keys()];
}
