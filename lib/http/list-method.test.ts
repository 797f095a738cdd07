// Regression: Vault clients (hvac, node-vault) send `LIST /v1/…/metadata/`,
// which Node's HTTP parser refused as an unknown method (405 from
// answerClientError); it is now served as GET with `list=true`, at the
// socket, through the same http.Server and screened handler as server.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewriteListRequest, serveListMethod } from "./list-method";
import { screenedHandler } from "./screened-handler";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; remoteAddress?: string; remotePort?: number };

let server: Server;
let port = 0;
const seen: Seen[] = [];

beforeAll(async () => {
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    seen.push({
      method: req.method!,
      url: req.url!,
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress,
      remotePort: req.socket.remotePort,
    });
    // Answers come later than the request, as Next's do (a connection
    // ended too early loses them); the first of a pipelined pair later
    // still, so that a LIST answer written too early would arrive before it.
    await new Promise((resolve) => setTimeout(resolve, req.url === "/v1/sys/health?slow=1" ? 50 : 1));
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ answered: `${req.method} ${req.url}` }));
  };
  server = createServer((req, res) => void screenedHandler(next, false)(req, res));
  serveListMethod(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Exchange = { text: string; closed: boolean; localPort: number };

/** Writes each packet once the answers before it have arrived (`expect` of them), then reads until the server closes. */
function exchange(packets: string[], answersBefore: number[] = []): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let sent = 0;
    const sendNext = () => {
      while (sent < packets.length && count(text) >= (answersBefore[sent] ?? 0)) socket.write(packets[sent++]!, "latin1");
    };
    let localPort = 0;
    socket.on("connect", () => {
      localPort = socket.localPort!;
      sendNext();
    });
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      sendNext();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve({ text, closed: true, localPort }));
  });
}

const count = (text: string) => text.split("HTTP/1.1 ").length - 1;
const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
const list = (target: string, headers = "") => `LIST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`;

describe("LIST on a socket", () => {
  it("reaches the handler as GET with list=true, answers, and closes the connection", async () => {
    const before = seen.length;
    const { text, closed, localPort } = await exchange([
      list("/v1/secret/metadata/", "X-Vault-Token: cfp_test\r\nConnection: keep-alive\r\n"),
    ]);
    expect(statuses(text)).toEqual([200]);
    expect(text).toContain("Connection: close\r\n");
    expect(text).toContain('{"answered":"GET /v1/secret/metadata?list=true"}');
    expect(closed).toBe(true);
    expect(seen.slice(before)).toHaveLength(1);
    const request = seen.at(-1)!;
    expect(request.headers).toMatchObject({ "x-vault-token": "cfp_test", connection: "close" });
    // server.ts pins the client address from the socket: it must be the real client's.
    expect(request).toMatchObject({ remoteAddress: "127.0.0.1", remotePort: localPort });
  });

  it("answers GET then LIST on one keep-alive connection", async () => {
    const before = seen.length;
    const get = "GET /v1/secret/data/db HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const { text, closed } = await exchange([get, list("/v1/secret/metadata/?list=false&x=1")], [0, 1]);
    expect(statuses(text)).toEqual([200, 200]);
    expect(text.indexOf("GET /v1/secret/data/db")).toBeLessThan(text.indexOf("GET /v1/secret/metadata?x=1&list=true"));
    expect(seen.slice(before).map((s) => s.url)).toEqual(["/v1/secret/data/db", "/v1/secret/metadata?x=1&list=true"]);
    expect(closed).toBe(true);
  });

  it("answers a LIST pipelined behind a slower request after that request's answer", async () => {
    const get = "GET /v1/sys/health?slow=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const { text } = await exchange([get + list("/v1/secret/metadata")]);
    expect(statuses(text)).toEqual([200, 200]);
    expect(text.indexOf('"GET /v1/sys/health?slow=1"')).toBeGreaterThan(0);
    expect(text.indexOf('"GET /v1/sys/health?slow=1"')).toBeLessThan(text.indexOf("list=true"));
  });

  it("passes on one request only: a body and anything pipelined after it are never parsed", async () => {
    const before = seen.length;
    const smuggled = "GET /v1/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const packet = list("/v1/secret/metadata/", `Content-Length: ${smuggled.length}\r\n`) + smuggled + smuggled;
    const { text, closed } = await exchange([packet]);
    expect(statuses(text)).toEqual([200]);
    expect(seen.slice(before).map((s) => s.url)).toEqual(["/v1/secret/metadata?list=true"]);
    expect(seen.at(-1)!.headers["content-length"]).toBeUndefined();
    expect(closed).toBe(true);
  });

  it.each([
    [
      "an incomplete head",
      "LIST /v1/secret/metadata/ HTTP/1.1\r\nHost: 127.0.0.1\r\n",
      "the LIST request is incomplete: its head must arrive in one piece",
    ],
    [
      "a body that is not all there",
      list("/v1/secret/metadata/", "Content-Length: 10\r\n") + "abc",
      "the LIST request's body did not arrive with its head",
    ],
    [
      "a chunked body",
      list("/v1/secret/metadata/", "Transfer-Encoding: chunked\r\n") + "0\r\n\r\n",
      "a LIST request cannot carry a Transfer-Encoding body",
    ],
  ])("refuses %s with a Vault-shaped 400 naming it", async (_, packet, message) => {
    const before = seen.length;
    const { text, closed } = await exchange([packet]);
    expect(statuses(text)).toEqual([400]);
    expect(text).toContain(JSON.stringify({ errors: [message] }));
    expect(closed).toBe(true);
    expect(seen.length).toBe(before);
  });

  it("keeps refusing LIST outside /v1: 405 with Allow, or 404 on an unknown API path", async () => {
    const health = await exchange([list("/api/health")]);
    expect(statuses(health.text)).toEqual([405]);
    expect(health.text).toContain("Allow: GET, HEAD, OPTIONS\r\n");
    expect(health.text).toContain(
      '{"error":{"code":"method_not_allowed","message":"LIST is not allowed here; allowed: GET, HEAD, OPTIONS"}}',
    );
    expect(statuses((await exchange([list("/api/v1/nothing")])).text)).toEqual([404]);
  });

  it("answers LIST on a /v1 path no route serves with a Vault-shaped 404", async () => {
    const { text } = await exchange([list("/v1/nothing/here/")]);
    expect(statuses(text)).toEqual([404]);
    expect(text).toContain('{"errors":["unsupported path: /v1/nothing/here/"]}');
  });
});

describe("rewriteListRequest", () => {
  const packet = (text: string) => Buffer.from(text, "latin1");

  it("turns the head into GET with list=true and Connection: close, dropping the body framing", () => {
    const head =
      "LIST /v1/team/metadata/app?list=0&list=1 HTTP/1.1\r\nHost: x\r\nX-Vault-Token: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}";
    expect(rewriteListRequest(packet(head), 0, 16384)).toEqual({
      head: "GET /v1/team/metadata/app?list=true HTTP/1.1\r\nHost: x\r\nX-Vault-Token: t\r\nConnection: close\r\n\r\n",
    });
  });

  it("keeps HTTP/1.0, so the answer is not chunked", () => {
    expect(rewriteListRequest(packet("LIST /v1/secret/metadata HTTP/1.0\r\n\r\n"), 0, 16384)).toEqual({
      head: "GET /v1/secret/metadata?list=true HTTP/1.0\r\nConnection: close\r\n\r\n",
    });
  });

  it("reads the request at `start` (a packet may carry earlier requests)", () => {
    const earlier = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    const result = rewriteListRequest(packet(`${earlier}LIST /v1/a/metadata HTTP/1.1\r\nHost: x\r\n\r\n`), earlier.length, 16384);
    expect(result).toEqual({ head: "GET /v1/a/metadata?list=true HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" });
  });

  it("leaves anything but LIST on a /v1 path to the caller", () => {
    expect(rewriteListRequest(packet("LIST /api/health HTTP/1.1\r\n\r\n"), 0, 16384)).toBeNull();
    expect(rewriteListRequest(packet("LIST /v1x HTTP/1.1\r\n\r\n"), 0, 16384)).toBeNull();
    expect(rewriteListRequest(packet("LIST http://evil.example/v1/ HTTP/1.1\r\n\r\n"), 0, 16384)).toBeNull();
    expect(rewriteListRequest(packet("TRACK /v1/secret/metadata HTTP/1.1\r\n\r\n"), 0, 16384)).toBeNull();
  });

  it.each([
    ["Host: x\r\n X-Folded: y\r\n", "the LIST request has a malformed header line"],
    ["Host : x\r\n", "the LIST request has a malformed header line"],
    ["Bad\nHeader: x\r\n", "the LIST request has a malformed header line"],
    ["Content-Length: 0\r\nContent-Length: 0\r\n", "the LIST request has an invalid Content-Length"],
    ["Content-Length: -1\r\n", "the LIST request has an invalid Content-Length"],
    ["Transfer-Encoding: identity\r\n", "a LIST request cannot carry a Transfer-Encoding body"],
  ])("refuses a head with %j", (headers, message) => {
    const result = rewriteListRequest(packet(`LIST /v1/secret/metadata HTTP/1.1\r\n${headers}\r\n`), 0, 16384);
    expect(result).toEqual({ rejection: { status: 400, code: "bad_request", message }, url: "/v1/secret/metadata" });
  });

  it.each(["LIST /v1/secret/metadata HTTP/2.0", "LIST /v1/secret/metadata  HTTP/1.1", "LIST /v1/secret/metadata"])(
    "refuses the request line %j",
    (line) => {
      expect(rewriteListRequest(packet(`${line}\r\nHost: x\r\n\r\n`), 0, 16384)).toMatchObject({
        rejection: { status: 400, message: "the LIST request line is malformed: want `LIST <path> HTTP/1.1`" },
      });
    },
  );

  it("refuses a raw character in the target that must be percent-encoded", () => {
    const result = rewriteListRequest(packet("LIST /v1/caf\u00e9/metadata HTTP/1.1\r\n\r\n"), 0, 16384);
    expect(result).toMatchObject({
      rejection: { status: 400, message: "the request line is malformed: characters in the target must be percent-encoded" },
    });
  });

  it("refuses a head over the server's header limit with 431, whole or not, long target or long header", () => {
    const big = `LIST /v1/secret/metadata HTTP/1.1\r\nX-Pad: ${"a".repeat(200)}\r\n`;
    expect(rewriteListRequest(packet(`${big}\r\n`), 0, 100)).toMatchObject({ rejection: { status: 431 } });
    expect(rewriteListRequest(packet(big), 0, 100)).toMatchObject({ rejection: { status: 431 } });
    expect(rewriteListRequest(packet(`LIST /v1/${"a".repeat(200)} HTTP/1.1\r\n\r\n`), 0, 100)).toMatchObject({
      rejection: { status: 431 },
    });
  });
});
