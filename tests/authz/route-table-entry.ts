// The shape of one route-table entry and how its handler is loaded: shared
// by the route-table-*.ts files that route-table.ts assembles.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ApiResult, call } from "@/tests/support/api";

export type Call = {
  params?: Record<string, unknown>;
  body?: unknown;
  query?: string;
  /** For `after`. */
  expect?: string;
  /** For `after`: the token the call was made with (a fresh one for `spendsToken`). */
  token?: string;
};
export type Handler = Parameters<typeof call>[0];

export type RouteEntry = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** As in the OpenAPI document (a `?query` marks a second entry for the same handler). */
  path: string;
  /** public: no credential; personal: a member's cfp_ token; service: a cfs_ token; integration: a cfi_ token. */
  auth: "public" | "personal" | "service" | "integration";
  /** Status when allowed. */
  ok: number;
  /** Status when refused, where it is not 403: the Vault API hides a mount the caller cannot see as 404. */
  refusal?: number;
  /** The call ends the caller's token (revoke-self): each attempt is made with a fresh token of the caller. */
  spendsToken?: boolean;
  /** The route file, from the repository root. */
  file: string;
  /** Arranges fresh state for one attempt and says how to call. */
  prepare?: () => Promise<Call>;
  /** After an allowed call: what else the success must have done. */
  after?: (result: ApiResult, prepared: Call) => Promise<void>;
};

/** The route's module, or a failure that says the file is not there (yet). */
export async function loadHandler(entry: Pick<RouteEntry, "file" | "method">): Promise<Handler> {
  const absolute = join(process.cwd(), entry.file);
  if (!existsSync(absolute)) throw new Error(`${entry.file} does not exist: the route is not implemented`);
  const routeModule = (await import(/* @vite-ignore */ absolute)) as Record<string, unknown>;
  const handler = routeModule[entry.method];
  if (typeof handler !== "function") throw new Error(`${entry.file} does not export ${entry.method}`);
  return handler as Handler;
}

export const RUNTIME_FILE = "app/api/v1/runtime/secrets/route.ts";

/** Route files and OpenAPI paths, as the tables spell them. */
export const v1 = "app/api/v1";
export const nsd = `${v1}/namespaces/[ns]`;
export const ns = "/api/v1/namespaces/{ns}";
