// This process's KMS usage counts not yet written, and the flusher that
// writes them, on globalThis: Next.js bundles each route handler apart,
// and all three KMS routes must count into the same minute; server.ts
// stops the flusher at shutdown without loading the database client again.
import type { IntegrationActor, RequestContext } from "../../auth/actor";

export type KmsOperation = "status" | "encrypt" | "decrypt";
/** Why a call failed after its token was accepted (a refused token is audited as integration.rejected instead). */
export type KmsFailure = "bad_request" | "unknown_key" | "integrity" | "unavailable" | "error";

export type KmsUsageBucket = {
  integration: Omit<IntegrationActor, "context">;
  /** The start of the minute counted. */
  minute: Date;
  calls: Record<KmsOperation, number>;
  failures: Partial<Record<`${KmsOperation}.${KmsFailure}`, number>>;
  /** Key ids the calls named or were answered with. */
  keyIds: Set<string>;
  /** The last call's source, for the event's ip and user agent. */
  context: RequestContext;
};

export type KmsUsageFlusher = {
  /** Stops the timer and writes every count held, the current minute's too. */
  stop(): Promise<void>;
};

const holder = globalThis as unknown as {
  cofferKmsUsage?: Map<string, KmsUsageBucket>;
  cofferKmsUsageFlusher?: KmsUsageFlusher;
};

/** The counts waiting for the next flush, keyed by integration id and minute. */
export function pendingKmsUsage(): Map<string, KmsUsageBucket> {
  return (holder.cofferKmsUsage ??= new Map());
}

export function kmsUsageFlusher(): KmsUsageFlusher | undefined {
  return holder.cofferKmsUsageFlusher;
}

export function setKmsUsageFlusher(flusher: KmsUsageFlusher | undefined): void {
  holder.cofferKmsUsageFlusher = flusher;
}

/** For server.ts's shutdown, before the database connection closes: writes the counts still held. */
export async function stopKmsUsageFlusher(): Promise<void> {
  await holder.cofferKmsUsageFlusher?.stop();
}
