// Counts and findings of a fuzz run, and their printed form: the one-line summary
// of a run, and one block per distinct failure with the request
// (method, path, params, body) and the response, shrunk where fast-check
// could.
import { writeFileSync } from "node:fs";
import type { Violation } from "./fuzz-checks";
import type { Sent } from "./send-request";

export type Finding = Violation & { status: number; request: string; response: string; logs: string[]; shrunk: boolean; seen: number };

export class FuzzReport {
  runs = 0;
  shrinkRequests = 0;
  sent = 0;
  readonly byClass: Record<string, number> = {};
  readonly byOperation = new Map<string, number>();
  readonly findings = new Map<string, Finding>();
  readonly notes: string[] = [];
  /** Statuses of the integration routes and the Vault read by caller: shows that deliveries, Decrypts and reads got through, not only refusals. */
  readonly integrationStatuses = new Map<string, Map<number, number>>();

  readonly timings = new Map<string, number>();

  /** Adds the time since `since` to a bucket; returns now. */
  time(bucket: string, since: number): number {
    const now = performance.now();
    this.timings.set(bucket, (this.timings.get(bucket) ?? 0) + now - since);
    return now;
  }

  constructor(
    readonly seed: number,
    readonly target: number,
    readonly database: string,
  ) {}

  count(operation: string, sent: Sent, shrinking: boolean, caller?: string): void {
    this.sent += 1;
    if (caller && (operation.includes("/api/v1/integrations/") || operation === "GET /v1/{mount}/data/{name}")) {
      const key = `${operation.replace("/api/v1/integrations/", "…/")} as ${caller}`;
      const statuses = this.integrationStatuses.get(key) ?? new Map<number, number>();
      this.integrationStatuses.set(key, statuses.set(sent.status, (statuses.get(sent.status) ?? 0) + 1));
    }
    if (shrinking) this.shrinkRequests += 1;
    else {
      this.runs += 1;
      this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    }
    const cls = sent.failure ? "broken" : sent.status ? `${Math.floor(sent.status / 100)}xx` : "none";
    this.byClass[cls] = (this.byClass[cls] ?? 0) + 1;
  }

  /** Keeps the smallest request seen for each signature; `shrunk` marks fast-check's minimum. */
  record(violation: Violation, sent: Sent, shrunk = false): void {
    const existing = this.findings.get(violation.signature);
    const request = printRequest(sent);
    const finding: Finding = {
      ...violation,
      status: sent.status,
      request,
      response: printResponse(sent),
      logs: sent.logs.map(firstStackLines),
      shrunk,
      seen: (existing?.seen ?? 0) + (shrunk ? 0 : 1),
    };
    if (!existing || shrunk || (!existing.shrunk && request.length < existing.request.length))
      this.findings.set(violation.signature, finding);
    else existing.seen = finding.seen;
  }

  get fiveXX(): number {
    return (this.byClass["5xx"] ?? 0) + (this.byClass.broken ?? 0);
  }

  summary(): string {
    const classes = Object.entries(this.byClass)
      .sort()
      .map(([cls, n]) => `${cls} ${n}`)
      .join(", ");
    return [
      `api fuzz (${this.database}): seed ${this.seed} (COFFER_FUZZ_SEED), ${this.runs} runs of ${this.target} (COFFER_FUZZ_RUNS) over ${this.byOperation.size} operations`,
      `  requests sent ${this.sent} (${this.shrinkRequests} while shrinking); by status: ${classes}; 5xx seen ${this.fiveXX}`,
      `  distinct failures ${this.findings.size}${this.findings.size ? ": " + [...this.findings.keys()].join("; ") : ""}`,
      ...this.notes.map((note) => `  note: ${note}`),
      ...[...this.integrationStatuses]
        .filter(([key]) => / as (swarm|kms)$/.test(key) || / as (owner|service)$/.test(key))
        .sort()
        .map(
          ([key, statuses]) =>
            `  ${key}: ${[...statuses]
              .sort(([a], [b]) => a - b)
              .map(([status, n]) => `${status}×${n}`)
              .join(" ")}`,
        ),
      ...(process.env.COFFER_FUZZ_PROFILE
        ? [...this.timings]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 12)
            .map(([k, ms]) => `  time: ${(ms / 1000).toFixed(2)} s ${k}`)
            .concat(`  time: ${([...this.timings.values()].reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s measured in all`)
        : []),
    ].join("\n");
  }

  details(): string {
    return [...this.findings.values()].map(formatFinding).join("\n\n");
  }

  /** COFFER_FUZZ_REPORT=path writes the findings as markdown too. */
  writeMarkdown(path: string): void {
    const blocks = [...this.findings.values()].map(
      (f) =>
        `### ${f.signature}\n\n${f.detail} (seen ${f.seen}×${f.shrunk ? ", shrunk" : ""})\n\n\`\`\`\n${f.request}\n→ ${f.response}\n${f.logs.join("\n")}\n\`\`\``,
    );
    writeFileSync(path, `# Fuzz findings\n\n\`\`\`\n${this.summary()}\n\`\`\`\n\n${blocks.join("\n\n")}\n`);
  }
}

function formatFinding(f: Finding): string {
  return [
    `✗ ${f.signature}`,
    `  ${f.detail} (seen ${f.seen}×${f.shrunk ? ", minimal request after shrinking" : ""})`,
    `  request:  ${f.request}`,
    `  response: ${f.response}`,
    ...f.logs.map((l) => `  log: ${l}`),
  ].join("\n");
}

/** JSON with long strings cut and bytes in hex, so NUL and lone surrogates stay visible as escapes. */
export function printable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string" && v.length > 120) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (v instanceof Uint8Array) return `<bytes ${Buffer.from(v).toString("hex")}>`;
    return v;
  });
}

function printRequest(sent: Sent): string {
  const { method, url, params, headers, body } = sent.resolved;
  const auth = headers.find(([k]) => k === "authorization")?.[1];
  const caller = auth ? (auth.length > 60 ? `${auth.slice(0, 18)}…` : auth.replace(/(cf[ps]_).{6,}/, "$1…")) : "none";
  return `${method} ${printable(url.replace("http://coffer.test", "")).slice(1, -1)} params=${printable(params)} auth=${caller} body=${body === undefined ? "none" : printable(typeof body === "string" ? body : body)}`;
}

function printResponse(sent: Sent): string {
  if (sent.failure) return sent.failure.split("\n").slice(0, 4).join(" | ");
  return `${sent.status} ${JSON.stringify(sent.text.slice(0, 400))}${sent.text.length > 400 ? `…(${sent.text.length} chars)` : ""}`;
}

function firstStackLines(line: string): string {
  try {
    const parsed = JSON.parse(line) as { err?: { type?: string; message?: string; stack?: string }; msg?: string };
    // Our frames say where; Prisma's runtime frames do not.
    const frames = (parsed.err?.stack ?? "")
      .split("\n")
      .filter((l) => l.trim().startsWith("at "))
      .map((l) => l.trim().replace(process.cwd() + "/", ""));
    const stack = [...frames.filter((l) => !/node_modules|node:internal/.test(l)), ...frames].slice(0, 3);
    return `${parsed.msg ?? ""}: ${parsed.err?.type ?? ""} ${(parsed.err?.message ?? "").split("\n").filter(Boolean).slice(-2).join(" ").slice(0, 300)} ${stack.join(" ← ")}`;
  } catch {
    return line.slice(0, 300);
  }
}
