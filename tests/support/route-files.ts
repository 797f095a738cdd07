// The route files on disk, for the tests that keep a hand-kept table (the
// OpenAPI document, the authorization matrix, the method table, the fuzz
// map) in step with app/: a new route.ts fails them until it is listed.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const APP_ROOT = join(process.cwd(), "app");
export const API_ROOT = join(APP_ROOT, "api");
/** The Vault-compatible API, served at the server root (/v1/…). */
export const VAULT_ROOT = join(APP_ROOT, "v1");

function routeFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFilesUnder(path);
    return entry === "route.ts" ? [path] : [];
  });
}

/** Every route.ts below `dir`; by default the APIs' (app/api and app/v1). */
export function routeFiles(dir?: string): string[] {
  if (dir) return routeFilesUnder(dir);
  return [API_ROOT, VAULT_ROOT].filter((root) => existsSync(root)).flatMap(routeFilesUnder);
}

/**
 * app/api/v1/namespaces/[ns]/secrets/route.ts → /api/v1/namespaces/{ns}/secrets,
 * app/v1/[mount]/data/[...name]/route.ts → /v1/{mount}/data/{name},
 * as the OpenAPI document names them.
 */
export function apiPathOf(file: string): string {
  return `/${relative(APP_ROOT, file)
    .replace(/\/?route\.ts$/, "")
    .replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}")}`.replace(/\/$/, "");
}
