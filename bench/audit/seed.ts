// Seeds N hash-chained audit events straight into PostgreSQL, computing the
// same hashes lib/audit/record-audit.ts would, so the chain verifies.
import pg from "pg";
import { eventHash, GENESIS_HASH, type HashedEvent } from "../../lib/audit/canonical";

const ACTIONS = [
  ["secret.read", 50], ["secret.create", 5], ["secret.rotate", 5], ["auth.login", 15], ["auth.login_failed", 5],
  ["service.create", 5], ["binding.create", 5], ["member.disable", 5], ["audit.export", 5],
] as const;
const pick = <T,>(items: readonly T[], i: number) => items[i % items.length]!;
const weighted = ACTIONS.flatMap(([action, weight]) => Array<string>(weight).fill(action));

function eventAt(seq: number, total: number, start: number, span: number): HashedEvent {
  const action = pick(weighted, seq * 7919);
  const denied = seq % 23 === 0;
  return {
    seq: BigInt(seq),
    time: new Date(start + Math.floor((seq / total) * span)),
    actorType: action === "secret.read" ? "service" : "user",
    actorId: `id_${seq % 200}`,
    actorLabel: action === "secret.read" ? `default/svc${seq % 50}` : `user${seq % 200}@example.com`,
    action,
    resourceType: action.split(".")[0]!,
    resourceId: `r${seq % 1000}`,
    resourceName: `secret_${seq % 1000}`,
    namespace: pick(["default", "prod", "staging", "dev", "ci"], seq),
    outcome: denied ? "denied" : "success",
    ip: `10.0.${seq % 256}.${(seq >> 8) % 256}`,
    userAgent: "bench",
    requestId: `req-${seq}`,
    details: { version: seq % 20 },
  };
}

const COLUMNS = ["seq", "time", "actorType", "actorId", "actorLabel", "action", "resourceType", "resourceId", "resourceName", "namespace", "outcome", "ip", "userAgent", "requestId", "details", "prevHash", "hash"];
const TYPES = ["bigint", "timestamptz", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "jsonb", "text", "text"];

export async function seedAuditEvents(url: string, total: number, batch = 10_000): Promise<{ ms: number; lastHash: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const began = performance.now();
  const span = 60 * 86_400_000;
  const start = Date.now() - span - 86_400_000;
  let prevHash = GENESIS_HASH;
  try {
    for (let from = 1; from <= total; from += batch) {
      const columns: unknown[][] = COLUMNS.map(() => []);
      for (let seq = from; seq < Math.min(from + batch, total + 1); seq++) {
        const event = eventAt(seq, total, start, span);
        const hash = eventHash(prevHash, event);
        const values = [event.seq.toString(), event.time.toISOString(), event.actorType, event.actorId, event.actorLabel, event.action, event.resourceType, event.resourceId, event.resourceName, event.namespace, event.outcome, event.ip, event.userAgent, event.requestId, JSON.stringify(event.details), prevHash, hash];
        values.forEach((value, i) => columns[i]!.push(value));
        prevHash = hash;
      }
      const list = COLUMNS.map((c) => `"${c}"`).join(", ");
      const unnest = TYPES.map((type, i) => `$${i + 1}::${type === "jsonb" ? "text" : type}[]`).join(", ");
      const select = COLUMNS.map((c, i) => (TYPES[i] === "jsonb" ? `"${c}"::jsonb` : `"${c}"`)).join(", ");
      await client.query(`INSERT INTO "AuditEvent" (${list}) SELECT ${select} FROM unnest(${unnest}) AS t(${list})`, columns);
    }
    await client.query(`ANALYZE "AuditEvent"`);
  } finally {
    await client.end();
  }
  return { ms: performance.now() - began, lastHash: prevHash };
}
