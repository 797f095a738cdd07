// What every fuzzed response must satisfy: no 5xx (nor a thrown handler or
// a body that breaks off), no stack in a body, no leak of a canary or a
// caller's token, and no domain write behind a 4xx. Each violation carries
// a signature, so the same fault found twice is one finding.
import { CANARY } from "@/tests/support/leak-canary";
import { refusedCallers } from "./callers";
import type { Fixtures } from "./fuzz-fixtures";
import type { FuzzRequest, Operation } from "./operations";
import type { Sent } from "./send-request";

export type Violation = {
  kind:
    | "5xx"
    | "leak"
    | "partial-write"
    | "stack"
    | "error-shape"
    | "dropped-key"
    | "cacheable"
    | "wrong-kind"
    | "delivery"
    | "vault-envelope"
    | "vault-read";
  signature: string;
  detail: string;
};

// The routes whose job is to hand values to an authorised caller: the
// reveal endpoint for an owner (secret:reveal), the runtime API for the
// service the secrets are bound to, and the Vault read for both. Only
// their 200 bodies may hold a canary; their headers, and every other
// caller's answer, may not. What a Vault read hands over is checked by
// vault-checks.ts (the named secret's values, bound to the service).
export const VAULT_READ = "GET /v1/{mount}/data/{name}";
const VALUE_ROUTES: Record<string, FuzzRequest["caller"][]> = {
  "GET /api/v1/namespaces/{ns}/secrets/{name}/value": ["owner"],
  "GET /api/v1/runtime/secrets": ["service"],
  [VAULT_READ]: ["owner", "service"],
};

export function mayCarryValues(op: Operation, caller: FuzzRequest["caller"], status: number): boolean {
  return !!VALUE_ROUTES[op.key]?.includes(caller) && status === 200;
}

/** The Vault-compatible API, whose answers are Vault's shapes. */
export const isVault = (op: Operation) => op.path.startsWith("/v1/");

export const DELIVERIES = "POST /api/v1/integrations/docker-swarm/deliveries";

/**
 * A Swarm delivery to the docker-swarm caller: its `value` is the one
 * value the task is given (delivery-check.ts checks it is the bound
 * secret's); every other field of it is scanned like any body.
 */
export function isDelivery(op: Operation, caller: FuzzRequest["caller"], status: number): boolean {
  return op.key === DELIVERIES && caller === "swarm" && status === 200;
}

function scannedBody(op: Operation, request: FuzzRequest, sent: Sent): string {
  // A Vault read's values are checked by vault-checks.ts; the rest of its answer is scanned.
  if (op.key === VAULT_READ && mayCarryValues(op, request.caller, sent.status)) return withoutVaultValues(sent.text) ?? "";
  if (mayCarryValues(op, request.caller, sent.status)) return "";
  if (op.key === LOOKUP_SELF && sent.status === 200) return withoutOwnToken(sent);
  if (isDelivery(op, request.caller, sent.status)) {
    try {
      const answer = JSON.parse(sent.text) as Record<string, unknown>;
      if (answer && typeof answer.value === "string") return JSON.stringify({ ...answer, value: null });
    } catch {
      // not JSON: scanned whole, and delivery-check.ts reports the shape
    }
  }
  return sent.text;
}

export const LOOKUP_SELF = "GET /v1/auth/token/lookup-self";

/**
 * lookup-self answers `data.id`, the token the request carried, as Vault
 * does (vault-agent reads it there): that one field is left out of the
 * scan when it is exactly the caller's own token, and scanned otherwise.
 */
function withoutOwnToken(sent: Sent): string {
  const carried = sent.resolved.headers.find(([name]) => name === "x-vault-token")?.[1] ?? bearerOf(sent.resolved.headers);
  try {
    const answer = JSON.parse(sent.text) as { data?: Record<string, unknown> };
    if (!carried || answer.data?.id !== carried) return sent.text;
    return JSON.stringify({ ...answer, data: { ...answer.data, id: null } });
  } catch {
    return sent.text;
  }
}

const bearerOf = (headers: [string, string][]) => /^Bearer (\S+)$/.exec(headers.find(([name]) => name === "authorization")?.[1] ?? "")?.[1];

/** A Vault read's answer with `data.data` emptied; null when it is not JSON (vault-checks.ts reports that). */
function withoutVaultValues(text: string): string | null {
  try {
    const answer = JSON.parse(text) as Record<string, unknown>;
    const data = answer.data && typeof answer.data === "object" ? answer.data : {};
    return JSON.stringify({ ...answer, data: { ...data, data: null } });
  } catch {
    return null;
  }
}

/** The forms a leaked value would take: as written, base64 (the API's encoding of values) and hex. */
export function leakForms(fixtures: Fixtures): string[] {
  const prefix = Buffer.from(CANARY.slice(0, 12));
  return [CANARY, prefix.toString("base64"), prefix.toString("base64url"), prefix.toString("hex"), ...fixtures.secretTokens];
}

/** Digits, ids and quoted names vary between occurrences of one fault; the rest names it. */
export function normalise(text: string): string {
  return text
    .replace(/"[^"]{0,200}"|'[^']{0,200}'/g, "'…'")
    .replace(/\b[a-z]{2,4}_[A-Za-z0-9_-]{6,}/g, "#")
    .replace(/[0-9a-f]{8,}/gi, (hex) => (/\d/.test(hex) ? "#" : hex))
    .replace(/\d+/g, "N")
    .slice(0, 160);
}

function errorSignature(sent: Sent): string {
  for (const line of sent.logs) {
    try {
      const parsed = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string }; msg?: string };
      if (parsed.err)
        return normalise(
          `${parsed.err.type ?? "Error"}${parsed.err.code ? ` ${parsed.err.code}` : ""}: ${String(parsed.err.message ?? "")
            .split("\n")
            .at(-1)}`,
        );
      if (parsed.msg) return normalise(parsed.msg);
    } catch {
      // not JSON: use the line
      return normalise(line);
    }
  }
  if (sent.failure) return normalise(sent.failure.split("\n")[0]!);
  return normalise(sent.text);
}

export function checkResponse(op: Operation, request: FuzzRequest, sent: Sent, forms: string[], changed: string[]): Violation[] {
  const violations: Violation[] = [];
  const where = `${op.key}`;
  if (sent.failure || sent.status >= 500 || sent.status < 100) {
    violations.push({
      kind: "5xx",
      signature: `5xx | ${where} | ${sent.status} | ${errorSignature(sent)}`,
      detail: sent.failure ?? `status ${sent.status}`,
    });
  }
  const body = scannedBody(op, request, sent);
  const headerText = sent.headers.map(([k, v]) => `${k}: ${v}`).join("\n");
  for (const form of forms) {
    const inBody = body.includes(form);
    if (inBody || headerText.includes(form)) {
      const what = form.startsWith("cf") ? "a caller's bearer token" : `the canary (${form === CANARY ? "plain" : "encoded"})`;
      violations.push({
        kind: "leak",
        signature: `leak | ${where} | ${request.caller} | ${inBody ? "body" : "header"} | ${what}`,
        detail: `${what} in the response ${inBody ? "body" : "headers"}`,
      });
      break;
    }
  }
  if (/(\n|\\n)\s+at [^\n]+:\d+:\d+/.test(sent.text) || sent.text.includes("node_modules/")) {
    violations.push({
      kind: "stack",
      signature: `stack | ${where} | ${sent.status}`,
      detail: "the response body shows a stack trace or a file path",
    });
  }
  if (sent.status >= 400 && sent.status < 500) {
    if (changed.length) {
      violations.push({
        kind: "partial-write",
        signature: `partial-write | ${where} | ${sent.status} | ${changed.map((c) => c.split(" ")[0]).join(",")}`,
        detail: `answered ${sent.status} but changed ${changed.join(", ")}`,
      });
    }
    if (isVault(op) ? !isVaultErrorBody(sent.text) : !isErrorBody(sent.text)) {
      violations.push({
        kind: "error-shape",
        signature: `error-shape | ${where} | ${sent.status}`,
        detail: `a ${sent.status} without ${isVault(op) ? `Vault's {"errors":["…"]}` : `{"error":{"code","message"}}`}`,
      });
    }
  }
  // A KMS plugin's token must not fetch Swarm secrets, nor the reverse; no integration token, and no
  // token at all, may use the Vault API: a 403 whatever the body. A URL no route takes (a NUL in the
  // query) is refused by route() before any credential is read, and so is a Vault namespace header.
  const urlRefused =
    sent.status === 400 && (isVault(op) ? refusedBeforeToken(sent.text) : "raw" in request.query || request.query.pairs.length > 0);
  if (refusedCallers(op.auth).includes(request.caller) && sent.status !== 403 && !urlRefused && !sent.failure && sent.status < 500) {
    violations.push({
      kind: "wrong-kind",
      signature: `wrong-kind | ${where} | ${request.caller} | ${sent.status}`,
      detail: `${request.caller === "none" || request.caller === "bogus" ? "a missing or bad token" : `an integration token (${request.caller})`} was answered ${sent.status}, not 403`,
    });
  }
  if (isVault(op)) violations.push(...vaultShape(op, sent));
  if (sent.status >= 500 && changed.length) violations[0]!.detail += `; it also changed ${changed.join(", ")}`;
  if (sent.status >= 200 && sent.status < 300) violations.push(...droppedKeys(op, sent));
  // A token shown once, or a value, must not sit in a cache on the way.
  const credential =
    /\bcf[psir]_[A-Za-z0-9_-]{20,}/.test(sent.text) ||
    ((mayCarryValues(op, request.caller, sent.status) || isDelivery(op, request.caller, sent.status)) && sent.text.length > 0);
  const cacheControl = sent.headers.find(([name]) => name.toLowerCase() === "cache-control")?.[1] ?? "";
  if (credential && !/no-store/.test(cacheControl)) {
    violations.push({
      kind: "cacheable",
      signature: `cacheable | ${where} | ${sent.status}`,
      detail: `a response with a token or a value has Cache-Control '${cacheControl}', not no-store`,
    });
  }
  return violations;
}

// Keys are data, never object properties: what a 2xx stored
// must be what was sent, `__proto__` and `constructor` included.
const KEYED: Record<string, ("labels" | "dataKeys")[]> = {
  "POST /api/v1/namespaces/{ns}/secrets": ["labels", "dataKeys"],
  "PATCH /api/v1/namespaces/{ns}/secrets/{name}": ["labels"],
  "POST /api/v1/namespaces/{ns}/secrets/{name}/versions": ["dataKeys"],
  "POST /api/v1/namespaces/{ns}/services": ["labels"],
  "PATCH /api/v1/namespaces/{ns}/services/{name}": ["labels"],
};

function droppedKeys(op: Operation, sent: Sent): Violation[] {
  const fields = KEYED[op.key];
  if (!fields || typeof sent.resolved.body !== "string") return [];
  let sentBody: Record<string, unknown>;
  let answer: { labels?: Record<string, unknown>; keys?: { name: string }[] };
  try {
    sentBody = JSON.parse(sent.resolved.body);
    answer = JSON.parse(sent.text);
  } catch {
    return [];
  }
  const keysOf = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : []);
  const missing: string[] = [];
  if (fields.includes("labels") && sentBody.labels !== undefined) {
    const stored = new Set(keysOf(answer.labels));
    missing.push(
      ...keysOf(sentBody.labels)
        .filter((key) => !stored.has(key))
        .map((key) => `label ${JSON.stringify(key)}`),
    );
  }
  if (fields.includes("dataKeys") && Array.isArray(answer.keys)) {
    const stored = new Set(answer.keys.map((key) => key.name));
    missing.push(
      ...[...keysOf(sentBody.data), ...keysOf(sentBody.stringData)]
        .filter((key) => !stored.has(key))
        .map((key) => `data key ${JSON.stringify(key)}`),
    );
  }
  if (!missing.length) return [];
  return [
    {
      kind: "dropped-key",
      signature: `dropped-key | ${op.key} | ${missing.map((m) => m.replace(/".*"/, (k) => (/^"(__proto__|constructor|prototype|toString)"$/.test(k) ? k : "'…'"))).join(",")}`,
      detail: `answered ${sent.status} without ${missing.join(", ")} it was sent`,
    },
  ];
}

function isErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body?.error?.code === "string" && typeof body.error.message === "string" && body.error.message.length > 0;
  } catch {
    return false;
  }
}

/** Vault's error body: `errors` alone, a list of messages naming the problem (Vault leaves a 404's empty; Coffer says what is missing). */
export function isVaultErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (!body || typeof body !== "object" || Object.keys(body).join() !== "errors" || !Array.isArray(body.errors)) return false;
    return body.errors.length > 0 && body.errors.every((message) => typeof message === "string" && message.length > 0);
  } catch {
    return false;
  }
}

/** What route() and the Vault wrapper refuse before they read a token: path or query text, the namespace header. */
function refusedBeforeToken(text: string): boolean {
  try {
    const message = String((JSON.parse(text) as { errors?: unknown[] }).errors?.[0] ?? "");
    return /^(path parameter|query parameter|a query parameter name|X-Vault-Namespace)/.test(message);
  } catch {
    return false;
  }
}

const ENVELOPE = ["request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth"];

/**
 * Every /v1 answer is no-store (a Vault answer may hold a value or describe
 * a token), and a success with a body has Vault's envelope (health aside,
 * which Vault sends bare), so a Vault client can parse it.
 */
function vaultShape(op: Operation, sent: Sent): Violation[] {
  const violations: Violation[] = [];
  const cacheControl = sent.headers.find(([name]) => name.toLowerCase() === "cache-control")?.[1] ?? "";
  if (!sent.failure && sent.status < 500 && !/no-store/.test(cacheControl)) {
    violations.push({
      kind: "cacheable",
      signature: `cacheable | ${op.key} | ${sent.status}`,
      detail: `a Vault API answer has Cache-Control '${cacheControl}', not no-store`,
    });
  }
  if (sent.status < 200 || sent.status >= 300 || sent.status === 204 || op.path === "/v1/sys/health") return violations;
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(sent.text) as Record<string, unknown>;
  } catch {
    // reported below
  }
  const missing = body && typeof body === "object" ? ENVELOPE.filter((field) => !(field in body)) : ENVELOPE;
  if (missing.length) {
    violations.push({
      kind: "vault-envelope",
      signature: `vault-envelope | ${op.key} | ${sent.status}`,
      detail: `a ${sent.status} without Vault's envelope: ${body ? `missing ${missing.join(", ")}` : "not JSON"}`,
    });
  }
  return violations;
}
