// The route files on disk, for the tests that keep a hand-kept table (the
// OpenAPI document, the authorization matrix, the method table, the fuzz
// map) in step with app/: a new route.ts fails them until it is listed.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const APP_ROOT = join(process.cwd(), "app");
export const API_ROOT = join(APP_ROOT, "api");

/** Every route.ts below `dir`. */
export function routeFiles(dir = API_ROOT): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return entry === "route.ts" ? [path] : [];
  });
}

/** app/api/v1/namespaces/[ns]/secrets/route.ts → /api/v1/namespaces/{ns}/secrets, as the OpenAPI document names it. */
export function apiPathOf(file: string): string {
  return `/api/${relative(API_ROOT, file)
    .replace(/\/?route\.ts$/, "")
    .replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}")}`.replace(/\/$/, "");
}
