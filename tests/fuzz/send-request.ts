// Sends one fuzzed request to a route handler in-process, as Next.js would
// call it (a Request and a params promise), with the caller's real bearer
// token, and reads the whole response, streamed ones included. The error
// lines the product logs for this request (by x-request-id) come back with
// it, so a 500 can be reported with its stack.
import pino from "pino";
import { log } from "@/lib/log/logger";
import type { Fixtures } from "./fuzz-fixtures";
import type { FuzzRequest, Operation } from "./operations";
import { resolveRefs, type PoolLookup } from "./pool-ref";
import { loadHandler } from "./route-modules";

export type Resolved = {
  method: string;
  url: string;
  params: Record<string, unknown>;
  headers: [string, string][];
  body: string | Uint8Array | undefined;
};
export type Sent = { resolved: Resolved; status: number; headers: [string, string][]; text: string; failure?: string; logs: string[] };

const REQUEST_TIMEOUT_MS = 30_000;
const logLines = new Map<string, string[]>();

/** Routes the product's logger into memory: error lines are kept per request id, nothing is printed. */
export function captureProductLogs(): void {
  const stream = {
    write(line: string) {
      const requestId = /"requestId":"([^"]+)"/.exec(line)?.[1] ?? "none";
      const lines = logLines.get(requestId) ?? [];
      if (lines.length < 5) lines.push(line);
      logLines.set(requestId, lines);
    },
  };
  (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = stream;
  log.level = "error";
}

/** A token of the caller's kind no fixture depends on, for a request that ends its own token (revoke-self). */
export type SpareToken = (caller: FuzzRequest["caller"]) => string | undefined;

function token(request: FuzzRequest, fixtures: Fixtures, spare?: SpareToken): string | undefined {
  const spared = spare?.(request.caller);
  if (spared) return `Bearer ${spared}`;
  return {
    owner: `Bearer ${fixtures.owner.token}`,
    viewer: `Bearer ${fixtures.viewer.token}`,
    service: `Bearer ${fixtures.service.token}`,
    swarm: `Bearer ${fixtures.integrations.swarm.token}`,
    kms: `Bearer ${fixtures.integrations.kms.token}`,
    none: undefined,
    bogus: request.bogusAuthorization,
  }[request.caller];
}

export function resolveRequest(
  op: Operation,
  request: FuzzRequest,
  fixtures: Fixtures,
  lookup: PoolLookup,
  requestId: string,
  spare?: SpareToken,
): Resolved {
  const params = resolveRefs(request.params, lookup) as Record<string, unknown>;
  let path = op.path;
  for (const [name, value] of Object.entries(params)) {
    const segments = Array.isArray(value) ? value.map(String) : [String(value)];
    path = path.replace(`{${name}}`, segments.map(safeEncode).join("/"));
  }
  let query = "";
  if ("raw" in request.query) query = request.query.raw;
  else if (request.query.pairs.length) {
    const search = new URLSearchParams();
    for (const [key, value] of resolveRefs(request.query.pairs, lookup) as [string, unknown][]) search.append(key, String(value));
    query = `?${search.toString()}`;
  }
  const headers: [string, string][] = [
    ["x-request-id", requestId],
    ["x-forwarded-for", "192.0.2.77"],
    ["user-agent", "coffer-fuzz"],
    ...request.headers,
  ];
  const authorization = token(request, fixtures, spare);
  // Vault clients send the token bare in X-Vault-Token; a bogus Authorization is sent as it is, to test both parsers.
  if (authorization && request.vaultHeader && request.caller !== "bogus")
    headers.push(["x-vault-token", authorization.replace(/^Bearer /, "")]);
  else if (authorization) headers.push(["authorization", authorization]);
  let body: string | Uint8Array | undefined;
  if (request.body.kind === "json") body = JSON.stringify(resolveRefs(request.body.value, lookup)) ?? "null";
  else if (request.body.kind === "raw") body = request.body.text;
  else if (request.body.kind === "bytes") body = request.body.bytes;
  if (body !== undefined) headers.push(["content-type", "application/json"]);
  return { method: op.method, url: `http://coffer.test${path}${query}`, params, headers, body };
}

// Next decodes path segments before the handler sees them; the URL only
// has to parse, so what cannot be encoded (a lone surrogate) is escaped by hand.
function safeEncode(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "%EF%BF%BD";
  }
}

export async function sendRequest(op: Operation, resolved: Resolved): Promise<Sent> {
  const handler = await loadHandler(op.module.file, op.method);
  const headers = new Headers();
  for (const [name, value] of resolved.headers) {
    try {
      headers.append(name, value);
    } catch {
      // A value no client could send (Headers refuses it); dropped, as undici would refuse to send it.
    }
  }
  const requestId = headers.get("x-request-id")!;
  const request = new Request(resolved.url, { method: resolved.method, headers, body: resolved.body as BodyInit | undefined });
  let status = 0;
  let text = "";
  let failure: string | undefined;
  let responseHeaders: [string, string][] = [];
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no complete response within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS).unref(),
  );
  try {
    const response = await Promise.race([handler(request, { params: Promise.resolve(resolved.params) }), timeout]);
    status = response.status;
    responseHeaders = [...response.headers.entries()];
    try {
      text = Buffer.from(await Promise.race([response.arrayBuffer(), timeout])).toString("utf8");
    } catch (error) {
      failure = `the response body failed after status ${status}: ${firstLine(error)}`;
    }
  } catch (error) {
    failure = `the handler threw instead of answering (Next would answer 500): ${firstLine(error)}\n${(error as Error)?.stack ?? ""}`;
  }
  const logs = logLines.get(requestId) ?? [];
  logLines.delete(requestId);
  return { resolved, status, headers: responseHeaders, text, failure, logs };
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0];
