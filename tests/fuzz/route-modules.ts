// The API's route modules, found on disk (app/{api,v1}/**/route.ts) rather than
// listed by hand, so a new route is fuzzed, or fails the coverage check,
// without anyone remembering to add it here.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { apiPathOf, API_ROOT, APP_ROOT, routeFiles } from "../support/route-files";

export { API_ROOT };
export const HTTP_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

// Auth.js's own handler needs Next's request internals (cookies, CSRF) and
// is no part of /api/v1; the console's session routes belong to the
// authorization matrix.
const NOT_FUZZED = [/\[\.\.\.nextauth\]/];

export type RouteModule = {
  /** As in the OpenAPI document: /api/v1/namespaces/{ns}/secrets */
  path: string;
  file: string;
  methods: string[];
  /** Path parameters of a catch-all segment ([...target]), which Next passes as arrays. */
  catchAll: string[];
};

export function routeModules(): RouteModule[] {
  return routeFiles()
    .filter((file) => !NOT_FUZZED.some((pattern) => pattern.test(file)))
    .map((file) => {
      const dir = relative(APP_ROOT, file).replace(/\/?route\.ts$/, "");
      const source = readFileSync(file, "utf8");
      return {
        path: apiPathOf(file),
        file,
        methods: HTTP_METHODS.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(source)),
        catchAll: [...dir.matchAll(/\[\.\.\.([^\]]+)\]/g)].map((match) => match[1]!),
      };
    });
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

const loaded = new Map<string, Promise<Record<string, unknown>>>();

export async function loadHandler(file: string, method: string): Promise<Handler> {
  if (!loaded.has(file)) loaded.set(file, import(file));
  const handler = (await loaded.get(file)!)[method];
  if (typeof handler !== "function") throw new Error(`${file} exports no ${method} handler`);
  return handler as Handler;
}
