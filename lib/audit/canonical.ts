// The canonical JSON form that audit hashes are computed over: object keys
// sorted at every depth, no whitespace, so the same event always hashes the
// same way however its JSON was stored (JSONB reorders keys).
import { createHash } from "node:crypto";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers. */
export type HashedEvent = {
  seq: bigint;
  time: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  namespace: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
};

const str = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * canonicalJson of an event, written out field by field in sorted key
 * order: the same string (a unit test holds the two equal), several times
 * faster, which is what lets verification walk 100,000 events a second.
 */
export function canonicalEvent(event: HashedEvent): string {
  return (
    `{"action":${str(event.action)},"actorId":${str(event.actorId)},"actorLabel":${str(event.actorLabel)},` +
    `"actorType":${str(event.actorType)},"details":${canonicalJson(event.details)},"ip":${str(event.ip)},` +
    `"namespace":${str(event.namespace)},"outcome":${str(event.outcome)},"requestId":${str(event.requestId)},` +
    `"resourceId":${str(event.resourceId)},"resourceName":${str(event.resourceName)},"resourceType":${str(event.resourceType)},` +
    `"seq":"${event.seq}","time":"${event.time.toISOString()}","userAgent":${str(event.userAgent)}}`
  );
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the event), hex. */
export function eventHash(prevHash: string, event: HashedEvent): string {
  return createHash("sha256").update(prevHash).update(canonicalEvent(event)).digest("hex");
}
