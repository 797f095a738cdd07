// `coffer secret ls` follows nextCursor (issue 17): the API answers at most
// 1,000 secrets a request, and a listing must still show every one of them.
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { cli, registerSecretCommandHooks, server } from "./secret-commands-fixture";

registerSecretCommandHooks();

const TOTAL = 2100;

async function seedMany() {
  // Metadata rows straight into the table: ls reads metadata only.
  await db.$executeRaw`
    INSERT INTO "Secret" ("id", "namespaceId", "name", "labels", "currentVersion")
    SELECT lpad(i::text, 25, 'a'), 'ns_default', 'bulk_' || lpad(i::text, 4, '0'),
           jsonb_build_object('half', CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END), 1
    FROM generate_series(1, ${TOTAL}::int) AS i`;
  server.requests.length = 0;
}

const secretRequests = () => server.requests.filter((r) => new URL(r.url, "http://x").pathname === "/api/v1/namespaces/default/secrets");

describe("coffer secret ls, paged", () => {
  it("lists every secret, a page at a time, in name order", async () => {
    await seedMany();
    const result = await cli(["secret", "ls", "--format", "{{.Name}}"]);
    expect(result.code, result.stderr).toBe(0);
    const names = result.stdout.trimEnd().split("\n");
    expect(names).toHaveLength(TOTAL);
    expect(new Set(names).size).toBe(TOTAL);
    expect(names[0]).toBe("bulk_0001");
    expect(names.at(-1)).toBe(`bulk_${TOTAL}`);
    const requests = secretRequests();
    expect(requests).toHaveLength(3);
    expect(new URL(requests[1]!.url, "http://x").searchParams.get("cursor")).toBeTruthy();
  });

  it("keeps the filter on every page, and stops at --limit", async () => {
    await seedMany();
    const filtered = await cli(["secret", "ls", "-q", "--filter", "label=half=even"]);
    expect(filtered.stdout.trimEnd().split("\n")).toHaveLength(TOTAL / 2);
    expect(secretRequests().every((r) => new URL(r.url, "http://x").searchParams.get("filter") === "label=half=even")).toBe(true);

    server.requests.length = 0;
    const limited = await cli(["secret", "ls", "--limit", "1005", "--format", "{{.Name}}"]);
    const names = limited.stdout.trimEnd().split("\n");
    expect(names).toHaveLength(1005);
    expect(names.at(-1)).toBe("bulk_1005");
    expect(secretRequests().map((r) => new URL(r.url, "http://x").searchParams.get("limit"))).toEqual(["1000", "5"]);
  });

  it("refuses a --limit that is not a positive whole number", async () => {
    const result = await cli(["secret", "ls", "--limit", "0"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('invalid argument "0" for "--limit"');
  });
});
