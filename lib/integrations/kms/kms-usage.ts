// A kube-apiserver calls its KMS plugin for every DEK it makes or reads
// (and Status about once a minute): one audit event per call would flood
// the trail with entries nobody reads one by one. Like the SecretAccess
// counts (lib/secrets/access-counts.ts), calls are counted in this process
// and written in batches: one `integration.kms_usage` event per
// integration per minute, with the counts of each operation and failure.
//
// What this trades: the trail learns of a minute's calls within about
// FLUSH_CHECK_MS after the minute ends, and a crashed process loses at
// most its unwritten minutes' *counts* (no plaintext or ciphertext is
// ever in them). A refused token is not counted here: it is audited on
// its own as integration.rejected (lib/integrations/resolve-integration-token.ts).
import type { IntegrationActor } from "../../auth/actor";
import { recordAudit } from "../../audit/record-audit";
import { db } from "../../db/client";
import { DomainError, Forbidden } from "../../errors";
import { log } from "../../log/logger";
import { MINUTE_MS, SECOND_MS } from "../../time";
import { KmsRefusal } from "./kms-envelope";
import {
  kmsUsageFlusher,
  pendingKmsUsage,
  setKmsUsageFlusher,
  type KmsFailure,
  type KmsOperation,
  type KmsUsageBucket,
} from "./kms-usage-holder";

export type { KmsFailure, KmsOperation } from "./kms-usage-holder";

/** How often the timer looks for minutes that have ended. */
export const FLUSH_CHECK_MS = 10 * SECOND_MS;

const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
// The actor carries `<namespace>/<name>`; the event names the integration itself.
const integrationName = ({ label, namespace }: Pick<IntegrationActor, "label" | "namespace">) => label.slice(namespace.length + 1);
const keyOf = (integrationId: string, minute: Date) => `${integrationId}\u0000${minute.toISOString()}`;

function emptyBucket(actor: IntegrationActor, minute: Date): KmsUsageBucket {
  const { context, ...integration } = actor;
  return { integration, minute, calls: { status: 0, encrypt: 0, decrypt: 0 }, failures: {}, keyIds: new Set(), context };
}

function merge(into: KmsUsageBucket, from: KmsUsageBucket): void {
  for (const op of Object.keys(from.calls) as KmsOperation[]) into.calls[op] += from.calls[op];
  for (const [name, count] of Object.entries(from.failures) as [keyof KmsUsageBucket["failures"], number][])
    into.failures[name] = (into.failures[name] ?? 0) + count;
  for (const keyId of from.keyIds) into.keyIds.add(keyId);
}

/** Counts one call of `actor`; `failure` when it was refused or failed after the token was accepted. */
export function countKmsCall(
  actor: IntegrationActor,
  operation: KmsOperation,
  outcome: { keyId?: string; failure?: KmsFailure } = {},
  at = new Date(),
): void {
  const minute = minuteOf(at);
  const pending = pendingKmsUsage();
  const key = keyOf(actor.id, minute);
  let bucket = pending.get(key);
  if (!bucket) pending.set(key, (bucket = emptyBucket(actor, minute)));
  bucket.calls[operation] += 1;
  bucket.context = actor.context;
  if (outcome.failure) bucket.failures[`${operation}.${outcome.failure}`] = (bucket.failures[`${operation}.${outcome.failure}`] ?? 0) + 1;
  // A refused key id is the caller's text: bounded in number and length, and
  // only printable, or it could grow the event without end or make it
  // unstorable (a NUL), which would keep every later flush failing.
  if (outcome.keyId && bucket.keyIds.size < 10)
    bucket.keyIds.add(/^[\x20-\x7e]{1,100}$/.test(outcome.keyId) ? outcome.keyId : "(unprintable)");
  startKmsUsageFlusher();
}

function eventOf(bucket: KmsUsageBucket) {
  const { integration, minute } = bucket;
  // The aggregate has no single request: only the source of the last call is kept.
  const actor: IntegrationActor = { ...integration, context: { ...bucket.context, requestId: null } };
  return {
    actor,
    input: {
      action: "integration.kms_usage" as const,
      resource: { type: "integration", id: integration.id, name: integrationName(integration) },
      namespace: integration.namespace,
      details: {
        minute: minute.toISOString(),
        ...bucket.calls,
        failures: { ...bucket.failures },
        keyIds: [...bucket.keyIds].sort(),
      },
    },
  };
}

/**
 * Writes one event per integration and ended minute (every minute held
 * when `all`), in one transaction; on failure the counts are kept for the
 * next flush. Resolves to the number of events written. Tests call it with
 * `all` instead of waiting for a minute to end.
 */
export async function flushKmsUsage({ now = new Date(), all = false }: { now?: Date; all?: boolean } = {}): Promise<number> {
  const pending = pendingKmsUsage();
  const current = minuteOf(now).getTime();
  const taken = [...pending].filter(([, bucket]) => all || bucket.minute.getTime() < current);
  if (!taken.length) return 0;
  for (const [key] of taken) pending.delete(key);
  try {
    await db.$transaction(async (tx) => {
      for (const [, bucket] of taken) {
        const { actor, input } = eventOf(bucket);
        await recordAudit(tx, actor, input);
      }
    });
    return taken.length;
  } catch (error) {
    for (const [key, bucket] of taken) {
      const held = pending.get(key);
      if (held) merge(held, bucket);
      else pending.set(key, bucket);
    }
    throw error;
  }
}

/** Started by the first counted call; unref'd, so it alone never keeps the process alive. */
export function startKmsUsageFlusher(): void {
  if (kmsUsageFlusher()) return;
  let lastProblem: string | null = null;
  const timer = setInterval(() => {
    flushKmsUsage().then(
      () => (lastProblem = null),
      (error: unknown) => {
        // While the database is down every flush fails the same way: log it once.
        const problem = error instanceof Error ? error.message : String(error);
        if (problem !== lastProblem)
          log.error({ err: error, pending: pendingKmsUsage().size }, "kms usage: flush failed, kept for the next one");
        lastProblem = problem;
      },
    );
  }, FLUSH_CHECK_MS);
  timer.unref();
  setKmsUsageFlusher({
    stop: async () => {
      clearInterval(timer);
      setKmsUsageFlusher(undefined);
      await flushKmsUsage({ all: true }).catch((error: unknown) => {
        log.warn({ err: error, pending: pendingKmsUsage().size }, "kms usage: counts not written at shutdown");
      });
    },
  });
}

function failureOf(error: unknown): KmsFailure {
  if (error instanceof KmsRefusal) return error.reason;
  if (error instanceof DomainError) return error.status === 503 ? "unavailable" : "bad_request";
  return "error";
}

/**
 * Runs one KMS call of `actor` and counts it, failed or not. The kind is
 * checked here too, not only by the token's resolution: a KMS call in the
 * name of a Swarm driver must not run whatever path it came by.
 */
export async function countedKmsCall<T>(
  actor: IntegrationActor,
  operation: KmsOperation,
  work: () => Promise<{ answer: T; keyId?: string }>,
  keyIdAsked?: () => string | undefined,
): Promise<T> {
  if (actor.kind !== "kubernetes-kms") throw new Forbidden(`integration '${integrationName(actor)}' is not a kubernetes-kms integration`);
  try {
    const { answer, keyId } = await work();
    countKmsCall(actor, operation, { keyId });
    return answer;
  } catch (error) {
    countKmsCall(actor, operation, { keyId: keyIdAsked?.(), failure: failureOf(error) });
    throw error;
  }
}
