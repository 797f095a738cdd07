// Server actions are public POST endpoints. Each must appear in the action
// table, call the domain function the table names, and share it with an
// API route the authorization matrix drives through every role.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "./action-table";
import { INSTANCE } from "./expected-instance";
import { NAMESPACED } from "./expected-namespaced";
import { statusesOf } from "./expected-rows";
import { ROUTES } from "./route-table";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}

// Server actions live in features/; app/ is scanned too so one added beside a page is not missed.
const serverActionFiles = ["app", "features", "components"]
  .flatMap((dir) => files(join(process.cwd(), dir)))
  .filter((file) => /^["']use server["']/m.test(readFileSync(file, "utf8")));

describe("the server action table", () => {
  it("lists every exported server action", () => {
    const listed = new Set(ACTIONS.map((a) => `${a.file}#${a.action}`));
    for (const file of serverActionFiles) {
      const source = readFileSync(file, "utf8");
      for (const [, name] of source.matchAll(/^export async function (\w+)/gm)) {
        expect(
          listed.has(`${relative(process.cwd(), file)}#${name}`),
          `${relative(process.cwd(), file)} exports ${name}, which tests/authz/action-table.ts does not list`,
        ).toBe(true);
      }
    }
  });

  it("has each action call its domain function, which a matrix route calls too", () => {
    const routes = new Map(ROUTES.map((r) => [`${r.method} ${r.path}`, r]));
    for (const entry of ACTIONS) {
      const source = readFileSync(join(process.cwd(), entry.file), "utf8");
      const start = source.indexOf(`export async function ${entry.action}`);
      expect(start, `${entry.action} not found in ${entry.file}`).toBeGreaterThanOrEqual(0);
      const next = source.indexOf("export async function", start + 1);
      const body = source.slice(start, next === -1 ? undefined : next);
      // Called, or handed to a wrapper that calls it (run(startRewrap)).
      expect(new RegExp(`\\b${entry.calls}\\b`).test(body), `${entry.action} does not call ${entry.calls}`).toBe(true);
      if (typeof entry.route !== "string") continue;
      const route = routes.get(entry.route);
      expect(route, `${entry.route} (for ${entry.action}) is not in the route table`).toBeDefined();
    }
  });

  it("expects the console to refuse the viewer exactly where the API matrix does", () => {
    const rows = { ...NAMESPACED, ...INSTANCE };
    for (const entry of ACTIONS.filter((a) => a.drive.refusal === "denied")) {
      expect(typeof entry.route, `${entry.action} is driven as denied, so it needs the route it shares`).toBe("string");
      const row = rows[entry.route as string];
      expect(row && statusesOf(row, "viewer").default, `${entry.route} (for ${entry.action}): viewer in default`).toBe(403);
    }
  });
});
