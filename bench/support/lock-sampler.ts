// Samples pg_stat_activity while a load runs: how many of the database's
// connections wait on a lock (wait_event_type = 'Lock': advisory,
// transactionid, tuple, relation…) and how many are busy at all.
import pg from "pg";

export type LockReport = {
  samples: number;
  intervalMs: number;
  waitingMax: number;
  waitingMean: number;
  activeMax: number;
  activeMean: number;
  /** Samples × waiting connections per lock kind (wait_event), to say which lock it is. */
  byEvent: Record<string, number>;
};

export async function sampleLocks<T>(
  adminUrl: string,
  database: string,
  work: () => Promise<T>,
  intervalMs = 50,
): Promise<{ result: T; locks: LockReport }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const waiting: number[] = [];
  const active: number[] = [];
  const byEvent: Record<string, number> = {};
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const { rows } = await client.query<{ wait_event_type: string | null; wait_event: string | null; state: string | null }>(
        `SELECT wait_event_type, wait_event, state FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [database],
      );
      const locked = rows.filter((r) => r.wait_event_type === "Lock");
      waiting.push(locked.length);
      active.push(rows.filter((r) => r.state === "active" || r.state === "idle in transaction").length);
      for (const row of locked) byEvent[row.wait_event ?? "?"] = (byEvent[row.wait_event ?? "?"] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  try {
    const result = await work();
    return { result, locks: summary() };
  } finally {
    stop = true;
    await sampler.catch(() => undefined);
    await client.end();
  }

  function summary(): LockReport {
    const mean = (xs: number[]) => (xs.length ? Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)) : 0);
    return {
      samples: waiting.length,
      intervalMs,
      waitingMax: Math.max(0, ...waiting),
      waitingMean: mean(waiting),
      activeMax: Math.max(0, ...active),
      activeMean: mean(active),
      byEvent,
    };
  }
}
