import "server-only";
import type { Actor } from "../auth/actor";
import { BadRequest } from "../errors";
import { authorize } from "../rbac/authorize";
import { audited } from "./audited";
import type { LogReport } from "../../packages/contracts/src/audit/log-report";
import { runningSequencer } from "./log/sequencer-holder";
import { verifyAuditLog } from "./log/verify-log";
import { recordAudit } from "./record-audit";

export type VerifyNowOptions = {
  /** A checkpoint kept outside (a signed note or checkpoint-file lines), instead of this node's checkpoint file. */
  checkpoint?: unknown;
};

/** Verifies the whole log in this request (`coffer audit verify`), recording that it was asked for. */
export async function verifyAuditLogNow(actor: Actor, options: VerifyNowOptions = {}): Promise<LogReport> {
  const { checkpoint } = options;
  if (checkpoint !== undefined && (typeof checkpoint !== "string" || !checkpoint.trim())) {
    throw new BadRequest("checkpoint must be a signed checkpoint note or the lines of a checkpoint file", { field: "checkpoint" });
  }
  await audited(actor, "audit.verify", async (tx) => {
    await authorize(tx, actor, "audit:read");
    await recordAudit(tx, actor, {
      action: "audit.verify",
      details: { mode: "inline", outside: checkpoint === undefined ? "file" : "given" },
    });
  });
  // This node's sequencer seals what just committed (this request's event
  // too) if it holds the lease; otherwise the node that does seals it
  // within a second and it counts as unsealed here. A sealing of our own
  // would keep the lease from the running sequencer for its whole term.
  await runningSequencer()?.tick();
  return verifyAuditLog({ given: checkpoint as string | undefined });
}
