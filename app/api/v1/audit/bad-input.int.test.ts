// Regression: bad input to the audit API was a 500 — dates outside
// PostgreSQL's range, cursors past bigint, NUL in filters — and an export
// could answer 200 and then cut the connection. Each test names the input
// it guards against and checks the 4xx, the field in the message and that nothing
// was written (no audit.export event for a refused export).
import { beforeAll, describe, expect, it } from "vitest";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { adminQuery } from "@/tests/support/postgres";
import * as exportRoute from "./export/route";
import * as listRoute from "./route";
import * as statsRoute from "./stats/route";

let auditor: string;

async function refused(
  result: Promise<{ status: number; body: { error?: { message: string } } }>,
  status: number,
  message: string | RegExp,
) {
  const before = await db.auditEvent.count();
  const response = await result;
  expect(response.status).toBe(status);
  expect(response.body.error?.message).toMatch(message);
  expect(await db.auditEvent.count()).toBe(before);
}

beforeAll(async () => {
  auditor = await personalToken((await createUser("audra@example.com", [{ role: "auditor" }])).user.id);
});

describe("bad input to the audit API", () => {
  it("refuses dates outside PostgreSQL's range (?from=0000-01-01, year 300000) naming the field", async () => {
    // Dates outside PostgreSQL's range in audit filters (500).
    for (const route of [listRoute.GET, statsRoute.GET, exportRoute.GET]) {
      await refused(call(route, { token: auditor, query: "?from=0000-01-01" }), 400, "from must be between 0001-01-01 and 9999-12-31");
      await refused(call(route, { token: auditor, query: "?to=%2B275000-01-01" }), 400, "to must be between 0001-01-01 and 9999-12-31");
      await refused(call(route, { token: auditor, query: "?to=300000-01-01" }), 400, "to must be a date or time");
      await refused(call(route, { token: auditor, query: "?from=-000100-01-01" }), 400, "from must be between");
    }
  });

  it("refuses cursors past bigint and limits out of range, naming the field", async () => {
    // The audit cursor past 2^63 reached PostgreSQL (500); ?limit=-1, 1e9.
    for (const cursor of ["99999999999999999999", "9223372036854775808", "abc", "-1", "1.5"]) {
      await refused(call(listRoute.GET, { token: auditor, query: `?cursor=${cursor}` }), 400, "cursor must be a sequence id");
    }
    for (const limit of ["-1", "1e9", "0", "501", "1.5", "abc", ""]) {
      await refused(call(listRoute.GET, { token: auditor, query: `?limit=${limit}` }), 400, "limit must be a whole number from 1 to 500");
    }
    expect((await call(listRoute.GET, { token: auditor, query: "?cursor=9223372036854775807&limit=500" })).status).toBe(200);
  });

  it("refuses a NUL in a filter, naming it, on the API and on the console's path", async () => {
    // NUL bytes in audit filters reached PostgreSQL (500).
    await refused(call(listRoute.GET, { token: auditor, query: "?q=a%00b" }), 400, "query parameter 'q' must not contain NUL");
    await refused(call(exportRoute.GET, { token: auditor, query: "?format=jsonl&actor=%00" }), 400, "query parameter 'actor'");
    // The console's export and page read the filters without the API's route wrapper.
    expect(() => parseAuditFilters(new URLSearchParams("q=a%00b"))).toThrow("q must not contain NUL");
    expect(() => parseAuditFilters({ resource: "secret:\ud800" })).toThrow("resource must be valid Unicode");
  });

  it.skipIf(process.env.COFFER_TEST_DB !== "postgres")(
    "ends an export that breaks off after its 200 with a line saying it is incomplete",
    async () => {
      // An audit export answered 200 and then cut the connection.
      // More events than one read batch (2,000), so the stream reads again after the answer has started.
      await db.$executeRawUnsafe(`
      INSERT INTO "AuditEvent" ("time", "actorType", "action", "outcome", "details")
      SELECT now(), 'system', 'test.bulk', 'success', '{}'::jsonb FROM generate_series(1, 2100)`);
      const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
      const exportWithOutage = async (format: string) => {
        const response = await exportRoute.GET(
          new Request(`http://coffer.test/api/v1/audit/export?format=${format}&action=test.bulk`, {
            headers: { authorization: `Bearer ${auditor}` },
          }),
          { params: Promise.resolve({}) },
        );
        expect(response.status).toBe(200);
        // The first batch is in hand; now the database goes away before the second.
        await adminQuery(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
        await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
        try {
          return await response.text();
        } finally {
          await adminQuery(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
        }
      };

      const jsonl = (await exportWithOutage("jsonl")).split("\n");
      expect(jsonl.at(-1)).toBe("");
      const events = jsonl.slice(0, -2).map((line) => JSON.parse(line));
      expect(events).toHaveLength(2000);
      expect(events.every((e) => e.action === "test.bulk")).toBe(true);
      const last = JSON.parse(jsonl.at(-2)!);
      expect(last).toEqual({
        error: {
          code: "unavailable",
          message: `the export is incomplete: reading stopped after seq ${events.at(-1).seq} because the database is unavailable; try again shortly`,
        },
      });

      const csv = (await exportWithOutage("csv")).split("\r\n");
      expect(csv[0]).toMatch(/^seq,time,/);
      expect(csv.slice(1, -2)).toHaveLength(2000);
      expect(csv.at(-2)).toMatch(
        /^# export incomplete: reading stopped after seq \d+ because the database is unavailable; try again shortly$/,
      );
      expect(csv.at(-1)).toBe("");
    },
  );
});
