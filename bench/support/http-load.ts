// A closed-loop HTTP load generator in the manner of autocannon (which is
// not installed here): `connections` keep-alive connections, each sending
// its next request as soon as the previous answer is read, for `seconds`.
// Connections are spread round-robin over `targets`, so two app nodes get
// half the load each. Plain node:http, not fetch: fetch costs the client
// about twice the CPU per request, and on two cores the client must stay
// small beside the servers it measures.
import http from "node:http";

export type LoadTarget = { port: number; host?: string };
export type LoadOptions = {
  targets: LoadTarget[];
  path: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** The status a correct answer has (200 unless said); anything else counts as an error. */
  expectStatus?: number;
  method?: string;
  /** A JSON body per request (n counts requests across connections), for writes that need unique names. */
  body?: (n: number) => string;
};
export type LoadReport = {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests per target, to show the split between nodes. */
  perTarget: number[];
  /** The first unexpected status and the start of its body, to tell a 503 from a 401. */
  firstError?: string;
};

type Sent = { method: string; path: string; headers: Record<string, string>; body?: string };

function once(agent: http.Agent, target: LoadTarget, sent: Sent): Promise<{ status: number; body: string }> {
  const { method, path, body } = sent;
  const headers =
    body === undefined
      ? sent.headers
      : { ...sent.headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const request = http.request({ host: target.host ?? "127.0.0.1", port: target.port, method, path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8", 0, 200) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

const at = (sorted: number[], q: number) =>
  sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)) : 0;

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { targets, path, connections, seconds } = options;
  const headers = { connection: "keep-alive", ...options.headers };
  const expect = options.expectStatus ?? 200;
  // One agent per connection: each loop owns exactly one socket, as an autocannon connection does.
  const agents = Array.from({ length: connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const latencies: number[] = [];
  const perTarget = targets.map(() => 0);
  let errors = 0;
  let firstError: string | undefined;
  let sentCount = 0;
  const method = options.method ?? "GET";
  const began = performance.now();
  const deadline = began + seconds * 1000;
  const loop = async (i: number) => {
    const targetIndex = i % targets.length;
    while (performance.now() < deadline) {
      const start = performance.now();
      try {
        const { status, body } = await once(agents[i]!, targets[targetIndex]!, {
          method,
          path,
          headers,
          body: options.body?.(sentCount++),
        });
        if (status !== expect) {
          errors += 1;
          firstError ??= `${status} ${body}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= (error as Error).message;
      }
      latencies.push(performance.now() - start);
      perTarget[targetIndex]! += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const elapsed = (performance.now() - began) / 1000;
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    connections,
    seconds,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50: at(latencies, 0.5),
    p95: at(latencies, 0.95),
    p99: at(latencies, 0.99),
    max: at(latencies, 1),
    perTarget,
    ...(firstError ? { firstError } : {}),
  };
}
