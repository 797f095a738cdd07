// Vault's LIST method, which Node's HTTP parser (llhttp) does not know: it
// refuses `LIST /v1/secret/metadata/ HTTP/1.1` before there is a request,
// with a clientError (HPE_INVALID_METHOD) holding the bytes it read. hvac and
// node-vault send LIST; Vault's own Go client sends GET with `list=true`,
// which Vault treats as the same request. So on a /v1 path the head is
// rewritten to that GET and fed to the same http.Server as a connection of
// its own, whose answer is written to the client's socket, which then closes.
//
// Against an attacker: only the bytes Node had already read (one packet,
// capped by the server's header limit) are used and nothing more is read or
// buffered; the head must be whole and any body all there, else 400; the
// rewritten request is one head and nothing after it (no body, no second
// request to smuggle), and says `Connection: close`; an answer waits for the
// connection's earlier answers, so answers never interleave.
import { maxHeaderSize, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { Duplex } from "node:stream";
import { isVaultPath } from "./route-methods";
import { answerClientError, refusedRequestStart, type ParseError } from "./screened-handler";
import { rawResponse, splitTarget, type Rejection } from "./screen-request";

const bad = (message: string): Rejection => ({ status: 400, code: "bad_request", message });

const HEADER_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e\x80-\xff]*$/;

// Hop-by-hop headers of the client's connection, which ends with this
// request, and the body framing of a body that is not passed on.
const DROPPED = new Set(["connection", "keep-alive", "proxy-connection", "upgrade", "content-length", "expect"]);

/** The query string with `list=true` in place of any `list` the client sent. */
function withListTrue(query: string): string {
  const kept = query.split("&").filter((pair) => {
    if (!pair) return false;
    try {
      return decodeURIComponent(pair.split("=")[0]!.replace(/\+/g, " ")) !== "list";
    } catch {
      return true; // invalid percent-encoding: screen-request.ts answers it 400
    }
  });
  return [...kept, "list=true"].join("&");
}

export type ListRewrite = { head: string } | { rejection: Rejection; url: string } | null;

/**
 * The GET a LIST request becomes, a 400 (431) naming why it cannot, or null
 * when the request at `start` of `packet` is not a LIST on a /v1 path (the
 * caller refuses it as any unknown method). `limit` is the server's header limit.
 */
export function rewriteListRequest(packet: Buffer, start: number, limit: number): ListRewrite {
  const url = /^LIST ([^ \r\n]+)/.exec(packet.toString("latin1", start, Math.min(packet.length, start + limit)))?.[1];
  const target = url === undefined ? null : splitTarget(url);
  if (url === undefined || !target || !isVaultPath(target.pathname)) return null;

  const refuse = (rejection: Rejection) => ({ rejection, url });
  const end = packet.indexOf("\r\n\r\n", start);
  const tooLarge: Rejection = { status: 431, code: "too_large", message: `the LIST request's head is over ${limit} bytes` };
  if (end < 0) {
    if (packet.length - start > limit) return refuse(tooLarge);
    // Node hands over only the packet it had read; a head split over
    // several is not waited for (nor buffered).
    return refuse(bad("the LIST request is incomplete: its head must arrive in one piece"));
  }
  if (end + 4 - start > limit) return refuse(tooLarge);
  const [requestLine = "", ...headers] = packet.toString("latin1", start, end).split("\r\n");
  const version = /^LIST [^ ]+ HTTP\/1\.([01])$/.exec(requestLine)?.[1];
  if (version === undefined) return refuse(bad("the LIST request line is malformed: want `LIST <path> HTTP/1.1`"));
  if (/[^\x21-\x7e]|#/.test(url)) return refuse(bad("the request line is malformed: characters in the target must be percent-encoded"));

  const kept: string[] = [];
  let length: number | null = null;
  for (const header of headers) {
    if (!HEADER_LINE.test(header)) return refuse(bad("the LIST request has a malformed header line"));
    const name = header.slice(0, header.indexOf(":")).toLowerCase();
    const value = header.slice(header.indexOf(":") + 1).trim();
    if (name === "transfer-encoding") return refuse(bad("a LIST request cannot carry a Transfer-Encoding body"));
    if (name === "content-length") {
      if (length !== null || !/^\d{1,9}$/.test(value)) return refuse(bad("the LIST request has an invalid Content-Length"));
      length = Number(value);
    }
    if (!DROPPED.has(name)) kept.push(`${header}\r\n`);
  }
  // Vault ignores a LIST body; it is checked to be all there, then dropped.
  if (length !== null && packet.length - (end + 4) < length) return refuse(bad("the LIST request's body did not arrive with its head"));
  // HTTP/1.0 stays 1.0, so that the answer is not chunked for a client that cannot read it.
  return { head: `GET ${target.pathname}?${withListTrue(target.query)} HTTP/1.${version}\r\n${kept.join("")}Connection: close\r\n\r\n` };
}

/**
 * The rewritten request's own connection: its readable side yields the head
 * and stays open until the answer is written (an ended one makes Node abort
 * the request), its writes go to the client's socket, and it carries the
 * socket's addresses (server.ts pins the client address from them).
 */
class VirtualConnection extends Duplex {
  readonly remoteAddress?: string;
  readonly remotePort?: number;
  readonly remoteFamily?: string;
  readonly localAddress?: string;
  readonly localPort?: number;
  readonly encrypted?: boolean;

  constructor(private readonly socket: Socket) {
    super();
    this.remoteAddress = socket.remoteAddress;
    this.remotePort = socket.remotePort;
    this.remoteFamily = socket.remoteFamily;
    this.localAddress = socket.localAddress;
    this.localPort = socket.localPort;
    if ((socket as { encrypted?: boolean }).encrypted) this.encrypted = true;
    socket.once("close", () => this.destroy());
  }

  override _read(): void {}

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // The callback waits for the socket, so a client that reads slowly
    // slows the answer instead of filling memory with it.
    this.socket.write(chunk, encoding, callback);
  }

  override _final(callback: () => void): void {
    this.socket.end(() => this.socket.destroy());
    this.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.socket.writableEnded) this.socket.destroy();
    callback(error);
  }

  // Node's HTTP server sets these on every connection; the client's socket keeps its own.
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
}

// Sockets whose refused request is being answered (Node's parser is stuck in
// its error state and reports every later packet again), and the virtual
// connections.
const takenOver = new WeakSet<object>();
const virtual = new WeakSet<object>();
// Answers still being written on each connection, which a LIST answer waits for.
const inFlight = new WeakMap<object, Set<ServerResponse>>();

/** `maxHeaderSize` as given to createServer, else Node's (`--max-http-header-size`). */
function headerLimit(server: Server): number {
  return (server as { maxHeaderSize?: number }).maxHeaderSize ?? maxHeaderSize;
}

/** Resolves once the answers to the socket's earlier requests are written. */
async function earlierAnswers(socket: Socket): Promise<void> {
  const earlier = [...(inFlight.get(socket) ?? [])];
  await Promise.all(earlier.map((res) => new Promise((resolve) => res.once("close", resolve))));
}

function serveAsGet(server: Server, socket: Socket, head: string): void {
  // A keep-alive timer from an earlier answer must not cut this one short.
  socket.setTimeout(server.timeout);
  const connection = new VirtualConnection(socket);
  virtual.add(connection);
  server.emit("connection", connection);
  connection.push(head);
}

/**
 * Makes `server` answer LIST on a /v1 path as GET with `list=true`, and every
 * other request its parser refuses as answerClientError does (LIST elsewhere:
 * 405), in both cases after the answers to the connection's earlier requests.
 */
export function serveListMethod(server: Server): void {
  server.on("request", (req, res: ServerResponse) => {
    const answers = inFlight.get(req.socket) ?? new Set<ServerResponse>();
    inFlight.set(req.socket, answers.add(res));
    res.once("close", () => answers.delete(res));
  });
  server.on("clientError", (error: ParseError, socket: Socket) => {
    if (takenOver.has(socket)) return;
    if (error.code === "ECONNRESET" || !socket.writable) return answerClientError(error, socket);
    takenOver.add(socket);
    const rewrite =
      error.code === "HPE_INVALID_METHOD" && !virtual.has(socket)
        ? rewriteListRequest(error.rawPacket ?? Buffer.alloc(0), refusedRequestStart(error), headerLimit(server))
        : null;
    void earlierAnswers(socket).then(() => {
      if (socket.destroyed) return;
      if (!rewrite) answerClientError(error, socket);
      else if ("rejection" in rewrite) socket.end(rawResponse(rewrite.rejection, rewrite.url));
      else serveAsGet(server, socket, rewrite.head);
    });
  });
}
