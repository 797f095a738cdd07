// Next.js calls register() once per server process. The job worker (key
// re-wrap, and other background jobs) and the audit sequencer run only in
// the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobWorker } = await import("./lib/jobs/worker");
    startJobWorker();
    // Seals committed audit events into the Merkle tree (one node at a time, by lease).
    const { startAuditSequencer } = await import("./lib/audit/log/sequencer");
    startAuditSequencer();
    (await import("./lib/secrets/access-counts")).startAccessCountFlusher(); // repeat reads' SecretAccess counts, every second
  }
}
