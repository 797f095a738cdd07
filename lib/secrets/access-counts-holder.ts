// This process's SecretAccess counts not yet written, and the flusher that
// writes them, on globalThis: route handlers and instrumentation.ts are
// separate bundles under Next.js, and server.ts stops the flusher at
// shutdown without loading the database client a second time.
export type PendingCount = { secretId: string; readerKey: string; readerLabel: string; count: number; lastReadAt: Date };

export type AccessCountFlusher = {
  /** Writes what is pending now; resolves when it is written (or has failed and been kept). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is pending one last time. */
  stop(): Promise<void>;
};

const holder = globalThis as unknown as {
  cofferAccessCounts?: Map<string, PendingCount>;
  cofferAccessCountFlusher?: AccessCountFlusher;
  cofferAccessCountsStopped?: boolean;
};

/** The counts waiting for the next flush, keyed by secret id and reader key. */
export function pendingCounts(): Map<string, PendingCount> {
  return (holder.cofferAccessCounts ??= new Map());
}

/** Hands the pending counts to a flush and starts a new collection. */
export function takePendingCounts(): Map<string, PendingCount> {
  const taken = pendingCounts();
  holder.cofferAccessCounts = new Map();
  return taken;
}

/** Set once the flusher has stopped at shutdown: from then on each count is written at once. */
export function flusherStopped(): boolean {
  return holder.cofferAccessCountsStopped === true;
}

export function markFlusherStopped(): void {
  holder.cofferAccessCountsStopped = true;
}

export function runningFlusher(): AccessCountFlusher | undefined {
  return holder.cofferAccessCountFlusher;
}

export function setRunningFlusher(flusher: AccessCountFlusher | undefined): void {
  holder.cofferAccessCountFlusher = flusher;
}

/**
 * For server.ts's shutdown, before the database connection closes: stops
 * the flusher and writes the counts it still holds.
 */
export async function stopAccessCountFlusher(): Promise<void> {
  await holder.cofferAccessCountFlusher?.stop();
}
