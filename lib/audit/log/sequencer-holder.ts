// The running sequencer of this process, on globalThis: instrumentation.ts
// starts it inside Next's bundle, and server.ts stops it at shutdown
// without loading the database client a second time.
export type AuditSequencer = { readonly id: string; tick(): Promise<void>; stop(): Promise<void> };

const holder = globalThis as unknown as { cofferSequencer?: AuditSequencer };

export function runningSequencer(): AuditSequencer | undefined {
  return holder.cofferSequencer;
}

export function setRunningSequencer(sequencer: AuditSequencer | undefined): void {
  holder.cofferSequencer = sequencer;
}

/** Stops this process's sequencer, if it runs: it ends its sealing and gives up the lease. */
export async function stopAuditSequencer(): Promise<void> {
  await holder.cofferSequencer?.stop();
}
