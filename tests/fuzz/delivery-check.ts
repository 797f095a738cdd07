// What a Swarm delivery to the docker-swarm caller must be: the value of
// the secret the request asked for, as the Coffer service it named, which
// is bound to that secret in the integration's namespace. The leak scan
// leaves out the answer's `value` (fuzz-checks.ts), so this is what stops
// a delivery from handing over a value it should not: another secret's, an
// unbound one's, another version's, or a token.
import { CANARY } from "@/tests/support/leak-canary";
import { COFFER_SECRET_LABEL, COFFER_SERVICE_LABEL } from "@/packages/contracts/src/integrations/docker-swarm";
import { isDelivery, type Violation } from "./fuzz-checks";
import type { Fixtures } from "./fuzz-fixtures";
import type { FuzzRequest, Operation } from "./operations";
import type { Sent } from "./send-request";

/** Is `service` of the integrations' namespace (`default`) bound to the live secret `secret`? */
export type BoundCheck = (service: string, secret: string) => Promise<boolean>;

type Answer = { value: string; service: string; secret: string; version: number };

const map = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The Coffer service, secret and version a SecretProviderRequest names, read independently of lib's parser. */
export function askedFor(body: unknown): { service: unknown; secret: string; version: number | null } {
  const request = map(body);
  const service = map(request.ServiceLabels)[COFFER_SERVICE_LABEL] ?? request.ServiceName;
  const reference = String(map(request.SecretLabels)[COFFER_SECRET_LABEL] ?? request.SecretName);
  const at = reference.indexOf("@");
  return {
    service,
    secret: at < 0 ? reference : reference.slice(0, at),
    version: at < 0 ? null : Number(reference.slice(at + 1)),
  };
}

/**
 * The canary values `secret@version` may hold: the fixture versions' own
 * (versions never change), and for a later version (a fuzzed rotate or
 * rollback made it) any of the secret's, as a rollback copies an old one.
 */
export function canariesOf(fixtures: Fixtures, secret: string, version: number): string[] {
  const exact = fixtures.canaryByVersion[`${secret}@${version}`];
  if (exact) return exact;
  return Object.entries(fixtures.canaryByVersion).flatMap(([key, values]) => (key.startsWith(`${secret}@`) ? values : []));
}

export async function checkDelivery(
  op: Operation,
  request: FuzzRequest,
  sent: Sent,
  fixtures: Fixtures,
  isBound: BoundCheck,
): Promise<Violation[]> {
  if (!isDelivery(op, request.caller, sent.status)) return [];
  const problem = (what: string, detail: string): Violation[] => [
    { kind: "delivery", signature: `delivery | ${op.key} | ${what}`, detail },
  ];
  let answer: Answer;
  let body: unknown;
  try {
    answer = JSON.parse(sent.text) as Answer;
    body = typeof sent.resolved.body === "string" ? JSON.parse(sent.resolved.body) : undefined;
  } catch {
    return problem("not JSON", "a 200 delivery whose answer (or request) is not JSON");
  }
  const { value, service, secret, version } = map(answer) as Partial<Answer>;
  if (typeof value !== "string" || typeof service !== "string" || typeof secret !== "string" || !Number.isInteger(version))
    return problem("shape", "a 200 delivery without value, service, secret and an integer version");
  const asked = askedFor(body);
  if (asked.service !== service || asked.secret !== secret || (asked.version !== null && asked.version !== version))
    return problem(
      "not what was asked",
      `asked for ${String(asked.service)}/${asked.secret}@${asked.version ?? "current"}, delivered ${service}/${secret}@${version}`,
    );
  if (!(await isBound(service, secret)))
    return problem("not bound", `delivered secret '${secret}' to service '${service}', which is not bound to it`);
  const decoded = Buffer.from(value, "base64").toString("utf8");
  if (decoded.includes(CANARY) && !canariesOf(fixtures, secret, version!).includes(decoded))
    return problem("another value", `delivered ${secret}@${version} with a canary value that is not that version's`);
  if (fixtures.secretTokens.some((token) => decoded.includes(token)))
    return problem("a token", "a delivered value holds a caller's bearer token");
  return [];
}
