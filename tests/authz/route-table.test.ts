// A new route file without an entry in the route table, or an entry without
// a hand-written row for every built-in role and scope, fails here.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES } from "@/lib/rbac/permissions";
import { ESCALATIONS } from "./escalation-table";
import { INSTANCE } from "./expected-instance";
import { NAMESPACED, RUNTIME_BY_CREATOR } from "./expected-namespaced";
import { VAULT } from "./expected-vault";
import { ROLES, type Row } from "./expected-rows";
import { apiPathOf as pathOf, routeFiles } from "@/tests/support/route-files";
import { routeKey, ROUTES } from "./route-table";

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];
const EXPECTED: Record<string, Row> = { ...NAMESPACED, ...INSTANCE, ...VAULT };

function expectRow(key: string, row: Row | undefined) {
  expect(row, `${key} has no row in tests/authz/expected-*.ts`).toBeDefined();
  expect(Object.keys(row!).sort(), `${key}: one entry per built-in role`).toEqual([...ROLES].sort());
  for (const role of ROLES) expect(row![role], `${key} ${role}: three statuses (global, default, other)`).toMatch(/^\d{3} \d{3} \d{3}$/);
}

describe("the authorization matrix table", () => {
  it("has an entry for every method of every route file under app/api and app/v1", () => {
    const files = routeFiles().filter((f) => !f.includes("[...nextauth]"));
    const table = new Set(ROUTES.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")}`));
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of methods)
        expect(table.has(`${method} ${pathOf(file)}`), `${method} ${pathOf(file)} is not in tests/authz/route-table.ts`).toBe(true);
    }
  });

  it("names route files that exist", () => {
    for (const entry of ROUTES)
      expect
        .soft(existsSync(join(process.cwd(), entry.file)), `${routeKey(entry)}: ${entry.file} does not exist (not implemented yet?)`)
        .toBe(true);
  });

  it("has a row with three statuses per built-in role for every route a member calls, and no row without a route", () => {
    const personal = ROUTES.filter((r) => r.auth === "personal").map(routeKey);
    for (const key of personal) expectRow(key, EXPECTED[key]);
    // An allowed cell names the route's own success status; anything else is a typo.
    for (const entry of ROUTES.filter((r) => r.auth === "personal")) {
      for (const role of ROLES) {
        for (const status of EXPECTED[routeKey(entry)]?.[role].split(" ") ?? [])
          expect([String(entry.ok), String(entry.refusal ?? 403)], `${routeKey(entry)} ${role}`).toContain(status);
      }
    }
    expectRow("runtime by token creator", RUNTIME_BY_CREATOR);
    for (const key of Object.keys(EXPECTED)) expect(personal, `row ${key} names no route of the table`).toContain(key);
  });

  it("covers exactly the product's built-in roles (a new role needs its rows)", () => {
    expect(BUILT_IN_ROLES.map((r) => r.name).sort()).toEqual([...ROLES].sort());
  });

  it("has every escalation row name a route of the table", () => {
    const keys = new Set(ROUTES.map(routeKey));
    for (const row of ESCALATIONS) expect(keys.has(row.route), `${row.as} ${row.does}: ${row.route}`).toBe(true);
  });
});
