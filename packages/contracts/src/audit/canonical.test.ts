import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { canonicalEvent, canonicalEventText, canonicalJson, eventHash, eventTextHash, GENESIS_HASH, type HashedEvent } from "./canonical";

const event: HashedEvent = {
  seq: 1n,
  time: new Date("2026-01-02T03:04:05.678Z"),
  actorType: "user",
  actorId: "u1",
  actorLabel: "ada@example.com",
  action: "auth.login",
  resourceType: null,
  resourceId: null,
  resourceName: null,
  namespace: null,
  outcome: "success",
  ip: "127.0.0.1",
  userAgent: "test",
  requestId: "r1",
  details: { b: 1, a: { d: [1, "x"], c: null } },
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { z: true, y: undefined, x: [3, { k: "v", j: 0 }] } })).toBe(
      '{"a":{"x":[3,{"j":0,"k":"v"}],"z":true},"b":1}',
    );
  });

  it("orders keys by UTF-16 code units, as the chain always has", () => {
    const keys = ["b", "B", "é", "a", "\u{1F600}", "\uFF5A", "aa", ""];
    const expected = [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const written = JSON.parse(canonicalJson(Object.fromEntries(keys.map((k) => [k, [k, undefined]]))));
    expect(Object.keys(written)).toEqual(expected);
    expect(written.b).toEqual(["b", null]);
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ s: 'quote " and \n newline' })).toBe('{"s":"quote \\" and \\n newline"}');
  });
});

describe("canonicalEvent", () => {
  it("writes exactly what canonicalJson writes for the event", () => {
    const variants: HashedEvent[] = [
      event,
      { ...event, actorId: null, actorLabel: null, ip: null, userAgent: 'quote " \\ \u2028 é', details: {} },
      {
        ...event,
        seq: 123456789012n,
        resourceType: "secret",
        resourceId: "abc",
        resourceName: "db_pw",
        namespace: "prod",
        details: { z: [1, { b: 2, a: 1 }], a: "x" },
      },
    ];
    for (const v of variants) {
      expect(canonicalEvent(v)).toBe(canonicalJson({ ...v, seq: v.seq.toString(), time: v.time.toISOString() }));
    }
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe("canonicalEventText", () => {
  it("writes the same string as canonicalEvent from the row as text, whatever the key order of details", () => {
    const variants: HashedEvent[] = [
      event,
      { ...event, details: {} },
      { ...event, seq: 98765432109876n, details: { z: [1, { b: 2, a: 1 }], a: "x", é: null } },
    ];
    for (const v of variants) {
      // PostgreSQL's jsonb text has its own key order, not ours.
      const jsonbText = JSON.stringify(reverseKeys(v.details));
      const row = { ...v, seq: v.seq.toString(), time: v.time.toISOString(), details: jsonbText };
      expect(canonicalEventText(row)).toBe(canonicalEvent(v));
      expect(eventTextHash(GENESIS_HASH, row)).toBe(eventHash(GENESIS_HASH, v));
    }
  });
});

describe("eventHash", () => {
  it("is SHA-256 over the previous hash followed by the canonical JSON", () => {
    const expected = createHash("sha256")
      .update("ab".repeat(32))
      .update(canonicalJson({ ...event, seq: "1", time: event.time.toISOString() }))
      .digest("hex");
    expect(eventHash("ab".repeat(32), event)).toBe(expected);
  });

  it("does not depend on the key order of details", () => {
    const reordered = { ...event, details: { a: { c: null, d: [1, "x"] }, b: 1 } };
    expect(eventHash(GENESIS_HASH, reordered)).toBe(eventHash(GENESIS_HASH, event));
  });

  it("changes with any field, the sequence id and the previous hash", () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...event, outcome: "denied" })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, seq: 2n })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, details: { b: 2, a: { d: [1, "x"], c: null } } })).not.toBe(base);
    expect(eventHash("f".repeat(64), event)).not.toBe(base);
  });
});
