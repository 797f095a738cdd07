import "server-only";
import { db } from "../../db/client";
import type { UserActor } from "../actor";
import type { TotpStatus } from "./totp-schemas";

/** GET /api/v1/me/mfa/totp: whether the caller's second factor is on, and how many recovery codes are left. */
export async function getTotpStatus(actor: UserActor): Promise<TotpStatus> {
  const [row, left] = await Promise.all([
    db.mfaTotp.findUnique({ where: { userId: actor.id }, select: { confirmedAt: true } }),
    db.mfaRecoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
  ]);
  return {
    enabled: Boolean(row?.confirmedAt),
    pending: Boolean(row && !row.confirmedAt),
    confirmedAt: row?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: row?.confirmedAt ? left : 0,
  };
}
