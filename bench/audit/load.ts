// A small closed-loop load generator (like autocannon's, with exact
// percentiles): `concurrency` clients send requests back to back for
// `requests` in total, bounded in count and time, to loopback only.
export type LatencyReport = {
  requests: number;
  concurrency: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
};

export async function measure(url: string, headers: Record<string, string>, requests: number, concurrency: number): Promise<LatencyReport> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const began = performance.now();
  const deadline = began + 120_000;
  const client = async () => {
    while (sent < requests && performance.now() < deadline) {
      sent += 1;
      const start = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (!response.ok) errors += 1;
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1));
  return {
    requests: latencies.length,
    concurrency,
    errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
    rps: Math.round(latencies.length / elapsed),
  };
}

/** Peak resident memory of a process, sampled from /proc while `work` runs. */
export async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; baselineMb: number; peakMb: number }> {
  const { readFileSync } = await import("node:fs");
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const baselineMb = rss();
  let peakMb = baselineMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rss())), 50);
  try {
    const result = await work();
    return { result, baselineMb: Math.round(baselineMb), peakMb: Math.round(Math.max(peakMb, rss())) };
  } finally {
    clearInterval(timer);
  }
}
