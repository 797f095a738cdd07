// Regression: TRACE on every route answered 500; the HTTP layer
// now refuses methods a path does not answer with 405 and `Allow`, from
// this table, so the table must match the route files.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ROOT as APP, routeFiles } from "@/tests/support/route-files";
import { allowedMethods, ROUTE_HANDLERS, routeHandlerFor } from "./route-methods";

/** app/(console)/audit/export/route.ts → /audit/export */
function patternOf(file: string): string {
  const segments = relative(APP, file)
    .split("/")
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found = source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g);
  return [...new Set([...found].map((m) => m[1]!))].sort();
}

describe("the route method table", () => {
  it("has a row for every route file with exactly the methods it exports", () => {
    const files = routeFiles(APP);
    expect(files.length).toBeGreaterThan(30);
    // The Vault-compatible API's route files (app/v1) are checked too.
    expect(files.filter((file) => relative(APP, file).startsWith("v1/")).length).toBeGreaterThanOrEqual(11);
    const fromFiles = Object.fromEntries(files.map((file) => [patternOf(file), exportedMethods(file)]));
    const fromTable = Object.fromEntries(Object.entries(ROUTE_HANDLERS).map(([pattern, methods]) => [pattern, [...methods].sort()]));
    expect(fromTable, "lib/http/route-methods.ts must list every route file and its methods").toEqual(fromFiles);
  });

  it("prefers a static segment to a dynamic one, as Next.js does", () => {
    expect(routeHandlerFor("/api/v1/invites/accept")).toBe("/api/v1/invites/accept");
    expect(routeHandlerFor("/api/v1/invites/inv_123")).toBe("/api/v1/invites/[id]");
    expect(routeHandlerFor("/api/v1/password-reset/check")).toBe("/api/v1/password-reset/check");
    expect(routeHandlerFor("/api/v1/namespaces/default/services/web/bindings/secret/db/password")).toBe(
      "/api/v1/namespaces/[ns]/services/[name]/bindings/[...target]",
    );
    expect(routeHandlerFor("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeHandlerFor("/api/health/")).toBe("/api/health");
  });

  it("picks the Vault routes Next.js would, a reserved first segment before a mount", () => {
    expect(routeHandlerFor("/v1/sys/health")).toBe("/v1/sys/health");
    expect(routeHandlerFor("/v1/sys/mounts")).toBe("/v1/sys/mounts");
    expect(routeHandlerFor("/v1/sys/internal/ui/mounts/secret/db")).toBe("/v1/sys/internal/ui/mounts/[...path]");
    expect(routeHandlerFor("/v1/auth/token/lookup-self")).toBe("/v1/auth/token/lookup-self");
    expect(routeHandlerFor("/v1/secret/data/db/password")).toBe("/v1/[mount]/data/[...name]");
    expect(routeHandlerFor("/v1/secret/metadata/")).toBe("/v1/[mount]/metadata");
    expect(routeHandlerFor("/v1/secret/metadata/db")).toBe("/v1/[mount]/metadata/[...name]");
    // Only the route handler knows `sys` is no mount (it answers 404).
    expect(routeHandlerFor("/v1/sys/data/db")).toBe("/v1/[mount]/data/[...name]");
    expect(routeHandlerFor("/v1/secret/data")).toBeNull();
  });

  it("gives route handlers their methods plus HEAD with GET, and OPTIONS", () => {
    expect(allowedMethods("/api/health")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/v1/setup")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/namespaces/default/secrets/db")).toEqual(["GET", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/audit/export")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/v1/secret/data/db")).toEqual(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/v1/auth/token/revoke-self")).toEqual(["POST", "PUT", "OPTIONS"]);
  });

  it("gives pages GET, HEAD and POST, and unknown API and Vault paths nothing", () => {
    expect(allowedMethods("/")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/secrets/db_password")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/api/v1/nothing-here")).toBeNull();
    expect(allowedMethods("/api")).toBeNull();
    expect(allowedMethods("/apis")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/v1")).toBeNull();
    expect(allowedMethods("/v1/nothing")).toBeNull();
    expect(allowedMethods("/v1x")).toEqual(["GET", "HEAD", "POST"]);
  });
});
