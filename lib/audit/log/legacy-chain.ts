// The events written before the transparency log carry the old hash chain.
// They become the first leaves like any other event; before the first
// sealing the chain is walked once and the result recorded as an
// `audit.legacy-chain-verified` event, so a break that predates the
// Merkle tree is on record instead of being sealed over silently.
import { systemActor } from "../../auth/actor";
import { db } from "../../db/client";
import type { AuditAction } from "../actions";
import { recordAudit } from "../record-audit";
import { verifyAuditChain } from "../verify-audit-chain";

export const LEGACY_CHAIN_VERIFIED = "audit.legacy-chain-verified" satisfies AuditAction;

const holder = globalThis as unknown as { cofferLegacyChecked?: boolean };

export async function verifyLegacyChainOnce(): Promise<void> {
  if (holder.cofferLegacyChecked) return;
  const [state] = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT (SELECT "sealedThroughSeq" FROM "AuditSequencer" WHERE "id" = 1) = 0
      AND EXISTS (SELECT 1 FROM "AuditEvent" WHERE "hash" IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" WHERE "action" = ${LEGACY_CHAIN_VERIFIED}) AS "pending"`;
  if (state?.pending) {
    const report = await verifyAuditChain();
    await db.$transaction((tx) =>
      recordAudit(tx, systemActor(), { action: LEGACY_CHAIN_VERIFIED, outcome: report.ok ? "success" : "error", details: { ...report } }),
    );
  }
  holder.cofferLegacyChecked = true;
}
