// Every PostgreSQL advisory lock Coffer takes, named once. Each one
// serialises a check-then-write that no unique index can express, and each
// is transaction-scoped (pg_advisory_xact_lock): COMMIT or ROLLBACK releases
// it, so a request that dies cannot leave one held. The keys never change:
// during a rolling upgrade an old and a new node must take the same lock
// for the same thing.
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./client";

export type AdvisoryLock = Prisma.Sql;

export const LOCKS = {
  /** Setup: two racing requests must not both create the first owner. */
  setup: Prisma.sql`${0x7365747570n}`, // "setup"
  /** Owner changes: two admins must not demote each other at once and leave the instance without an owner. */
  owners: Prisma.sql`${0x6f776e6572n}`, // "owner"
  /** Re-wrap: two starts must not both see "no job running" and queue two jobs. */
  rewrapStart: Prisma.sql`${0x72657772617070n}`, // "rewrapp"
  /** Audit verify: two requests must not both see "no verify running" and queue two jobs. */
  auditVerify: Prisma.sql`hashtext(${"audit-verify"})`,
  /** A recurring job, per kind: every node's worker polls the schedule, and only one may enqueue. */
  schedule: (kind: string) => Prisma.sql`hashtext(${`coffer-schedule:${kind}`})`,
  /** Invites, per email: two at once must not both find no pending invite (a partial unique index cannot say "unexpired"). */
  invite: (email: string) => Prisma.sql`hashtextextended(${`invite:${email}`}, 0)`,
} as const;

/** Waits for `lock`, then holds it until the transaction ends. */
export async function lockUntilCommit(tx: Tx, lock: AdvisoryLock): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lock})`;
}
