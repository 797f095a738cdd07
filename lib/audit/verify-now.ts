import "server-only";
import type { Actor } from "../auth/actor";
import { authorize } from "../rbac/authorize";
import { audited } from "./audited";
import { recordAudit } from "./record-audit";
import { verifyAuditChain, type ChainReport } from "./verify-audit-chain";

/** Verifies the whole chain in this request (`coffer audit verify`), recording that it was asked for. */
export async function verifyAuditChainNow(actor: Actor): Promise<ChainReport> {
  await audited(actor, "audit.verify", async (tx) => {
    await authorize(tx, actor, "audit:read");
    await recordAudit(tx, actor, { action: "audit.verify", details: { mode: "inline" } });
  });
  return verifyAuditChain();
}
