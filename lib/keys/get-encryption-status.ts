import "server-only";
// The console's and the API's view of encryption at rest: where the keys
// come from, how many secret versions each wraps, and the latest re-wrap.
import { audited } from "../audit/audited";
import type { Actor } from "../auth/actor";
import type { LoadedKeyring } from "../crypto";
import { latestJob } from "../jobs/find-job";
import type { JobDto } from "../jobs/job-dto";
import { authorize } from "../rbac/authorize";
import { keyUsage, type KeyUsage } from "./key-usage";
import { processKeyring } from "./process-keyring";
import { REWRAP_JOB_KIND } from "./rewrap-job";

export type EncryptionStatus = {
  source: LoadedKeyring["source"];
  /** Only when source is "generated": the key file to back up. */
  generatedPath?: string;
  primary: string;
  keys: KeyUsage[];
  job: JobDto | null;
};

export async function getEncryptionStatus(actor: Actor): Promise<EncryptionStatus> {
  const loaded = processKeyring();
  // A read: only a denial is recorded (by audited). The console polls this
  // every second while a job runs; an event per poll would drown the trail.
  return audited(actor, "key.status", async (tx) => {
    await authorize(tx, actor, "key:manage");
    const keys = await keyUsage(tx, loaded.keyring);
    const job = await latestJob(tx, REWRAP_JOB_KIND);
    return {
      source: loaded.source,
      ...(loaded.source === "generated" && loaded.generatedPath ? { generatedPath: loaded.generatedPath } : {}),
      primary: loaded.keyring.primary,
      keys,
      job,
    };
  });
}
