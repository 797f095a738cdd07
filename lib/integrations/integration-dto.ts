// Integration rows as their public shape: a select whitelist, so the token
// hash can never reach an answer by accident.
import type { Tx } from "../db/client";
import type { IntegrationInfo, IntegrationKind } from "../../packages/contracts/src/integrations/integration-dto";

export type { IntegrationInfo, NewIntegration } from "../../packages/contracts/src/integrations/integration-dto";

export const integrationSelect = {
  id: true,
  kind: true,
  name: true,
  prefix: true,
  createdAt: true,
  createdById: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type Row = {
  id: string;
  kind: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdById: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Rows to DTOs, with their creators' emails in one query. */
export async function toIntegrationInfos(tx: Tx, namespace: string, rows: readonly Row[]): Promise<IntegrationInfo[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : [])))];
  const users = ids.length ? await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return rows.map((row) => ({
    id: row.id,
    namespace,
    kind: row.kind as IntegrationKind,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    createdBy: (row.createdById && emails.get(row.createdById)) ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}
