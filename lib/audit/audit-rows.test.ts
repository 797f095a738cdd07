import { describe, expect, it } from "vitest";
import type { AuditEventDto } from "./audit-event-dto";
import { jsonlLine, type ExportAuditRow } from "./audit-rows";

const row: ExportAuditRow = {
  seq: "42",
  time: "2026-03-04T05:06:07.089Z",
  actorType: "service",
  actorId: "svc_1",
  actorLabel: 'prod/"api"\nworker',
  action: "secret.read",
  resourceType: "secret",
  resourceId: "s1",
  resourceName: "db_pw \u2028 é \u0001",
  namespace: "prod",
  outcome: "success",
  ip: null,
  userAgent: "coffer-agent/1 \\ x",
  requestId: null,
  // As PostgreSQL writes JSONB: spaces, its own key order.
  details: '{"b": [1, "x"], "key": "password", "nested": {"z": null, "a": true}}',
  prevHash: "a".repeat(64),
  hash: "b".repeat(64),
  leafIndex: "41",
  leafHash: Buffer.alloc(32, 5).toString("base64"),
};

describe("jsonlLine", () => {
  it("is the event's DTO as one JSON line", () => {
    const line = jsonlLine(row);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    const expected: AuditEventDto = {
      seq: "42",
      time: "2026-03-04T05:06:07.089Z",
      actor: { type: "service", id: "svc_1", label: 'prod/"api"\nworker' },
      action: "secret.read",
      resource: { type: "secret", id: "s1", name: "db_pw \u2028 é \u0001" },
      namespace: "prod",
      outcome: "success",
      ip: null,
      userAgent: "coffer-agent/1 \\ x",
      requestId: null,
      details: { b: [1, "x"], key: "password", nested: { z: null, a: true } },
      prevHash: "a".repeat(64),
      hash: "b".repeat(64),
      leafIndex: 41,
      leafHash: Buffer.alloc(32, 5).toString("base64"),
    };
    expect(JSON.parse(line)).toStrictEqual(expected);
  });

  it("writes nulls for an event not sealed yet and written after the hash chain", () => {
    const line = JSON.parse(jsonlLine({ ...row, prevHash: null, hash: null, leafIndex: null, leafHash: null }));
    expect(line).toMatchObject({ prevHash: null, hash: null, leafIndex: null, leafHash: null });
  });

  it("writes every field, nulls included, in the DTO's order", () => {
    expect(Object.keys(JSON.parse(jsonlLine(row)))).toEqual([
      "seq",
      "time",
      "actor",
      "action",
      "resource",
      "namespace",
      "outcome",
      "ip",
      "userAgent",
      "requestId",
      "details",
      "prevHash",
      "hash",
      "leafIndex",
      "leafHash",
    ]);
  });
});
