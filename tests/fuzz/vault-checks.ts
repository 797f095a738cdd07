// What a Vault API (/v1) success must be beyond its shape (fuzz-checks.ts):
// a read (200 to the owner or the fixture service) hands over only the
// named secret's values, of the version it says, and to the service only
// a secret bound to it in its own namespace; a write stores exactly the
// keys it was sent (a merge patch: minus the ones set to null), so
// `__proto__` stays a key. The leak scan leaves a read's `data.data` out;
// this is what checks it.
import { db } from "@/lib/db/client";
import { CANARY } from "@/tests/support/leak-canary";
import { canariesOf, type BoundCheck } from "./delivery-check";
import { mayCarryValues, VAULT_READ, type Violation } from "./fuzz-checks";
import type { Fixtures } from "./fuzz-fixtures";
import type { FuzzRequest, Operation } from "./operations";
import type { Sent } from "./send-request";

const WRITES = new Set(["POST /v1/{mount}/data/{name}", "PUT /v1/{mount}/data/{name}", "PATCH /v1/{mount}/data/{name}"]);

const map = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The namespace and secret a KV path names, as the request was sent (one segment; a deeper path names none). */
function target(sent: Sent): { namespace: string; name: string } | null {
  const { mount, name } = sent.resolved.params as { mount?: unknown; name?: unknown };
  const segments = Array.isArray(name) ? name.map(String).filter(Boolean) : [String(name)];
  if (typeof mount !== "string" || segments.length !== 1) return null;
  return { namespace: mount === "secret" ? "default" : mount, name: segments[0]! };
}

async function checkRead(op: Operation, request: FuzzRequest, sent: Sent, fixtures: Fixtures, isBound: BoundCheck): Promise<Violation[]> {
  const problem = (what: string, detail: string): Violation[] => [
    { kind: "vault-read", signature: `vault-read | ${op.key} | ${request.caller} | ${what}`, detail },
  ];
  let answer: Record<string, unknown>;
  try {
    answer = map(JSON.parse(sent.text));
  } catch {
    return problem("not JSON", "a 200 read whose answer is not JSON");
  }
  const values = map(map(answer.data).data);
  const version = map(map(answer.data).metadata).version;
  const named = target(sent);
  if (!named || !Number.isInteger(version)) return problem("shape", "a 200 read of no single secret, or without metadata.version");
  if (request.caller === "service") {
    if (named.namespace !== "default") return problem("other namespace", `the service read '${named.name}' of mount '${named.namespace}'`);
    if (!(await isBound(fixtures.service.name, named.name)))
      return problem("not bound", `the service read '${named.name}', which is not bound to it`);
  }
  const allowed = canariesOf(fixtures, named.name, version as number);
  for (const [key, value] of Object.entries(values)) {
    const text = String(value);
    if (fixtures.secretTokens.some((token) => text.includes(token))) return problem("a token", `data.${key} holds a caller's bearer token`);
    if (text.includes(CANARY) && !allowed.includes(text))
      return problem(
        "another value",
        `read ${named.name}@${String(version)} and got a canary value in data.${key} that is not that version's`,
      );
  }
  return [];
}

/** The keys the write's version holds, against the keys it was sent. */
async function checkWrite(op: Operation, sent: Sent): Promise<Violation[]> {
  const named = target(sent);
  const version = map(map(JSON.parse(sent.text)).data).version;
  if (!named || !Number.isInteger(version) || typeof sent.resolved.body !== "string") return [];
  const sentData = map(map(JSON.parse(sent.resolved.body)).data);
  const row = await db.secretVersion.findFirst({
    where: { version: version as number, secret: { name: named.name, namespace: { name: named.namespace } } },
    select: { keys: true },
  });
  if (!row) {
    return [
      {
        kind: "dropped-key",
        signature: `dropped-key | ${op.key} | no version`,
        detail: `answered version ${String(version)}, which is not stored`,
      },
    ];
  }
  const stored = new Set((row.keys as { name: string }[]).map((k) => k.name));
  const patch = op.method === "PATCH";
  const wrong = Object.keys(sentData).filter((key) => (patch && sentData[key] === null ? stored.has(key) : !stored.has(key)));
  if (!patch) wrong.push(...[...stored].filter((key) => !(key in sentData)).map((key) => `${key} (not sent)`));
  if (!wrong.length) return [];
  const special = (key: string) => (/^(__proto__|constructor|prototype|toString)/.test(key) ? key : "'…'");
  return [
    {
      kind: "dropped-key",
      signature: `dropped-key | ${op.key} | ${wrong.map(special).join(",")}`,
      detail: `answered ${sent.status}, but version ${String(version)} holds ${[...stored].join(", ")} against ${wrong.join(", ")}`,
    },
  ];
}

export async function checkVault(
  op: Operation,
  request: FuzzRequest,
  sent: Sent,
  fixtures: Fixtures,
  isBound: BoundCheck,
): Promise<Violation[]> {
  if (op.key === VAULT_READ && mayCarryValues(op, request.caller, sent.status)) return checkRead(op, request, sent, fixtures, isBound);
  if (WRITES.has(op.key) && sent.status === 200) {
    try {
      return await checkWrite(op, sent);
    } catch {
      return []; // not JSON: fuzz-checks.ts reports the envelope
    }
  }
  return [];
}
