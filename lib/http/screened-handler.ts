// Wraps Next.js's request handler with the HTTP-layer checks of
// screen-request.ts and screen-action-body.ts, and answers the requests Node
// refuses before there is a ServerResponse (CONNECT, unknown methods) the
// same way: 4xx naming the problem, never a 500 or a dropped connection.
// (LIST on /v1, which Node's parser refuses too, is served: list-method.ts.)
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { isVaultPath } from "./route-methods";
import { actionBodyProblem, isServerActionPost, readBody, replayRequest } from "./screen-action-body";
import { rawResponse, rejectionBody, screenMethod, screenRequest, splitTarget, type Rejection } from "./screen-request";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function sendRejection(req: IncomingMessage, res: ServerResponse, rejection: Rejection): void {
  const { type, body } = rejectionBody(rejection, req.headers.accept, req.url);
  // These answers bypass next.config.mjs's headers(); nosniff keeps a
  // browser from reading the text as anything else.
  res.writeHead(rejection.status, {
    ...rejection.headers,
    "Content-Type": type,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * `/v1/secret/metadata/?list=true` → `/v1/secret/metadata?list=true`: Next.js
 * answers a trailing slash with a 308 to the path without it, and Vault
 * clients send one (`LIST …/metadata/`) and follow no redirect.
 */
export function withoutTrailingSlash(url: string): string {
  const at = url.indexOf("?");
  const [path, rest] = at < 0 ? [url, ""] : [url.slice(0, at), url.slice(at)];
  return `${path.replace(/(?<=.)\/+$/, "")}${rest}`;
}

export function screenedHandler(handle: Handle, trustProxy: boolean): Handle {
  return async (req, res) => {
    const rejection = screenRequest({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, trustProxy });
    if (rejection) return sendRejection(req, res, rejection);
    const { pathname } = splitTarget(req.url ?? "")!;
    if (isVaultPath(pathname)) req.url = withoutTrailingSlash(req.url!);
    if (!isServerActionPost(req.method, pathname, req.headers)) return handle(req, res);
    const body = await readBody(req);
    if (!Buffer.isBuffer(body)) return sendRejection(req, res, body);
    const problem = await actionBodyProblem(req.headers, body);
    if (problem) return sendRejection(req, res, { status: 400, code: "bad_request", message: problem });
    return handle(replayRequest(req, body), res);
  };
}

function refuseOnSocket(socket: Duplex, method: string, url: string): void {
  const rejection = screenMethod(method, splitTarget(url)?.pathname ?? "/") ?? { status: 400, code: "bad_request", message: "bad request" };
  if (socket.writable) socket.end(rawResponse(rejection, url));
  else socket.destroy();
}

/** `server.on("connect")`: without a listener Node drops the connection. */
export function refuseConnect(req: IncomingMessage, socket: Duplex): void {
  refuseOnSocket(socket, "CONNECT", req.url ?? "/");
}

const CLIENT_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "413 Content Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

// Raw NUL, controls, spaces or bytes above 0x7f in the request line.
const RAW_TARGET = new Set(["HPE_INVALID_URL", "HPE_INVALID_CONSTANT", "HPE_INVALID_VERSION"]);

export type ParseError = NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number };

/**
 * Where the request Node's parser refused starts in `error.rawPacket`: the
 * line holding the byte it stopped at (`bytesParsed`), since one packet can
 * carry earlier keep-alive requests, answered already, before it.
 */
export function refusedRequestStart(error: ParseError): number {
  const packet = error.rawPacket ?? Buffer.alloc(0);
  const stop = error.bytesParsed;
  if (typeof stop !== "number" || stop <= 0 || stop > packet.length) return 0;
  return packet.lastIndexOf(0x0a, stop - 1) + 1;
}

/** The method and target of the refused request line, as sent. */
export function refusedRequestLine(error: ParseError): { method: string; url: string } {
  const packet = error.rawPacket ?? Buffer.alloc(0);
  const start = refusedRequestStart(error);
  const end = packet.indexOf("\r\n", start);
  const [method = "", url = "/"] = packet.toString("latin1", start, end < 0 ? Math.min(packet.length, start + 8192) : end).split(" ");
  return { method, url };
}

/**
 * `server.on("clientError")`: a method Node's parser does not know (TRACK)
 * gets 405 and `Allow` like any refused method; anything else what Node
 * answers by default.
 */
export function answerClientError(error: ParseError, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  if (error.code === "HPE_INVALID_METHOD") {
    const { method, url } = refusedRequestLine(error);
    return refuseOnSocket(socket, method, url);
  }
  if (RAW_TARGET.has(error.code ?? "")) {
    const message = "the request line is malformed: characters in the target must be percent-encoded";
    return void socket.end(rawResponse({ status: 400, code: "bad_request", message }, refusedRequestLine(error).url));
  }
  socket.end(`HTTP/1.1 ${CLIENT_ERRORS[error.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`);
}
