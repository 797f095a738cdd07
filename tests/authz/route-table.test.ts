// A new route file without an entry in the authorization matrix fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "./route-table";

const API_ROOT = join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === "route.ts" ? [path] : [];
  });
}

const pathOf = (file: string) =>
  `/api/${relative(API_ROOT, file).replace(/\/route\.ts$/, "").replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}")}`;

describe("the authorization matrix table", () => {
  it("has an entry for every method of every route file under app/api", () => {
    const files = routeFiles(API_ROOT).filter((f) => !f.includes("[...nextauth]"));
    const table = new Set(ROUTES.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")}`));
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of methods) expect(table.has(`${method} ${pathOf(file)}`), `${method} ${pathOf(file)} is not in tests/authz/route-table.ts`).toBe(true);
    }
  });
});
