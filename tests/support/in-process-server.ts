// The product's /api/v1 and /v1 on a real node:http port, for tests of
// clients that speak HTTP (the CLI and its agent, Vault clients): each
// request goes to the route handler in app/{api,v1}/**/route.ts that Next.js
// would pick, called the way Next calls it (a Request and a params promise),
// against the test file's own database (tests/support/database-per-file.ts).
// No server logic lives here: it finds the route, passes the request through
// and records what came and what was answered, so tests can check what a
// client sent.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serveListMethod } from "../../lib/http/list-method";
import { rejectionBody, screenMethod } from "../../lib/http/screen-request";
import { loadHandler, routeModules, type RouteModule } from "../fuzz/route-modules";

export type RecordedRequest = {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  json: unknown;
  /** The status answered. */
  status?: number;
};

export type InProcessServer = {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
};

type Route = { module: RouteModule; segments: string[] };
type Match = { route: Route; params: Record<string, string | string[]> };

function routes(): Route[] {
  return routeModules()
    .map((module) => ({ module, segments: module.path.split("/").filter(Boolean) }))
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
        const [x, y] = [a.segments[i], b.segments[i]];
        if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
        const order = rankOf(b, i) - rankOf(a, i);
        if (order) return order;
      }
      return 0;
    });
}

// Next's precedence: a static segment beats a dynamic one, which beats a catch-all.
function rankOf(route: Route, index: number): number {
  const name = /^\{(.+)\}$/.exec(route.segments[index]!)?.[1];
  if (!name) return 2;
  return route.module.catchAll.includes(name) ? 0 : 1;
}

/** The route Next would run for `pathname`, and its params decoded as Next decodes them. */
function match(table: Route[], pathname: string): Match | null {
  const parts = pathname.split("/").filter(Boolean);
  for (const route of table) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    for (let i = 0; i < route.segments.length && ok; i++) {
      const segment = route.segments[i]!;
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      const part = parts[i];
      if (part === undefined) ok = false;
      else if (!name) ok = segment === part;
      else if (route.module.catchAll.includes(name)) {
        params[name] = parts.slice(i).map(decodeURIComponent);
        return { route, params };
      } else params[name] = decodeURIComponent(part);
    }
    if (ok && parts.length === route.segments.length) return { route, params };
  }
  return null;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function answer(response: ServerResponse, status: number, headers: Headers, body: ReadableStream<Uint8Array> | null) {
  const plain: Record<string, string | string[]> = {};
  headers.forEach((value, name) => (plain[name] = value));
  const cookies = headers.getSetCookie();
  if (cookies.length) plain["set-cookie"] = cookies;
  response.writeHead(status, plain);
  // Streamed through as it comes, as Next serves a streamed answer (the audit export).
  const reader = body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) response.write(chunk.value);
  response.end();
}

async function dispatch(table: Route[], origin: string, request: IncomingMessage, recorded: RecordedRequest, bytes: Buffer) {
  const url = new URL(request.url!, origin);
  const found = match(table, url.pathname);
  const method = request.method!;
  if (!found || !found.route.module.methods.includes(method)) {
    // As server.ts refuses it before Next.js: a /v1 path in Vault's shape, anything else in the API's.
    const rejection = screenMethod(method, url.pathname) ?? { status: 404, code: "not_found", message: "no such route" };
    const { type, body } = rejectionBody(rejection, request.headers.accept, request.url);
    return new Response(body, { status: rejection.status, headers: { ...rejection.headers, "content-type": type } });
  }
  const handler = await loadHandler(found.route.module.file, method);
  const headers = new Headers();
  for (let i = 0; i < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  const body = method === "GET" || method === "HEAD" || bytes.length === 0 ? undefined : new Uint8Array(bytes);
  recorded.json = parseJson(recorded.body);
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(found.params) });
}

export async function startInProcessServer(): Promise<InProcessServer> {
  const table = routes();
  const requests: RecordedRequest[] = [];
  let origin = "";
  const server = createServer((request, response) => {
    void (async () => {
      const bytes = await readBody(request);
      const recorded: RecordedRequest = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: bytes.toString("utf8"),
        json: undefined,
      };
      requests.push(recorded);
      let result: Response;
      try {
        result = await dispatch(table, origin, request, recorded, bytes);
      } catch (error) {
        // The route wrappers answer every error themselves; reaching here is a test-support bug, so say so loudly.
        result = new Response(`in-process server: ${(error as Error).stack}`, { status: 599 });
      }
      recorded.status = result.status;
      await answer(response, result.status, result.headers, result.body);
    })().catch((error: unknown) => response.destroy(error as Error));
  });
  // Vault clients send LIST, which Node's parser refuses; the product's server takes it so.
  serveListMethod(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
