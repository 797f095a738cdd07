// Regression, at the socket: TRACE, TRACK and CONNECT, bad targets and
// malformed or cross-origin server actions were answered 500; they are 4xx from
// the layer in front of Next.js, and what passes reaches it byte for byte.
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveListMethod } from "./list-method";
import { refuseConnect, screenedHandler } from "./screened-handler";

let server: Server;
let port = 0;
const seen: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  const next = async (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ method: req.method!, url: req.url!, body: Buffer.concat(chunks).toString() });
    res.end("next");
  };
  server = createServer((req, res) => void screenedHandler(next, false)(req, res));
  server.on("connect", refuseConnect);
  // As server.ts wires it: the requests Node's parser refuses go to answerClientError through it.
  serveListMethod(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(head: string, body = ""): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(
        `${head}\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${Buffer.byteLength(body, "latin1")}\r\nConnection: close\r\n\r\n${body}`,
        "latin1",
      ),
    );
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve({ status: Number(text.split(" ")[1]), text }));
  });
}

describe("the screened handler", () => {
  it("answers TRACE, TRACK and CONNECT with 405 and Allow", async () => {
    for (const line of ["TRACE /api/health HTTP/1.1", "TRACK /api/health HTTP/1.1"]) {
      const { status, text } = await send(line);
      expect(status, line).toBe(405);
      expect(text).toContain("Allow: GET, HEAD, OPTIONS\r\n");
    }
    const connected = await send(`CONNECT 127.0.0.1:${port} HTTP/1.1`);
    expect(connected.status).toBe(405);
    expect(connected.text).toContain("Allow: GET, HEAD, POST\r\n");
  });

  it("answers raw NUL and non-ASCII bytes in the request line with 400 JSON", async () => {
    for (const line of ["GET /a\u0000b HTTP/1.1", "GET /caf\u00c3\u00a9 HTTP/1.1"]) {
      const { status, text } = await send(line);
      expect(status, line).toBe(400);
      expect(text).toContain('{"error":{"code":"bad_request"');
    }
  });

  it("answers encoded NUL and invalid UTF-8 with 400 naming the problem", async () => {
    expect((await send("GET /secrets/%00 HTTP/1.1")).text).toContain("the path holds a NUL byte (%00)");
    expect((await send("GET /invite/%ff HTTP/1.1")).status).toBe(400);
  });

  it("answers an unknown method pipelined behind another request by its own line", async () => {
    // Regression: the first line of the packet was read, so TRACK behind a GET answered 400 instead of 405.
    const { status, text } = await send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nTRACK /api/health HTTP/1.1");
    expect(status).toBe(200);
    expect(text).toContain("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, OPTIONS\r\n");
  });

  it("refuses a malformed or cross-origin server action before Next.js, and replays a good one", async () => {
    const before = seen.length;
    const action = "POST /login HTTP/1.1\r\nNext-Action: 60ab\r\nContent-Type: text/plain;charset=UTF-8";
    expect((await send(`${action}\r\nOrigin: http://127.0.0.1:${port}`, "{{{")).status).toBe(400);
    expect((await send(`${action}\r\nOrigin: http://evil.example`, "[]")).status).toBe(403);
    expect(seen.length).toBe(before);
    const ok = await send(`${action}\r\nOrigin: http://127.0.0.1:${port}`, '[{},"caf\u00c3\u00a9"]');
    expect(ok.status).toBe(200);
    expect(seen.at(-1)).toEqual({ method: "POST", url: "/login", body: '[{},"café"]' });
  });
});

// Regression: Next.js answered /v1/secret/metadata/ with a 308 to the path
// without the slash, and unknown /v1 paths with its HTML 404 page; Vault
// clients follow neither.
describe("the screened handler under /v1", () => {
  it("drops trailing slashes from /v1 paths before Next.js, keeping the query", async () => {
    await send("GET /v1/secret/metadata/?list=true HTTP/1.1");
    expect(seen.at(-1)?.url).toBe("/v1/secret/metadata?list=true");
    await send("GET /v1/secret/data/db// HTTP/1.1");
    expect(seen.at(-1)?.url).toBe("/v1/secret/data/db");
    await send("GET /secrets/ HTTP/1.1");
    expect(seen.at(-1)?.url).toBe("/secrets/");
  });

  it("answers a /v1 path no route serves with a Vault-shaped 404, even to a browser", async () => {
    const before = seen.length;
    const { status, text } = await send("GET /v1/nothing/here HTTP/1.1\r\nAccept: text/html");
    expect(status).toBe(404);
    expect(text).toContain("Content-Type: application/json\r\n");
    expect(text).toContain('{"errors":["unsupported path: /v1/nothing/here"]}');
    expect(seen.length).toBe(before);
  });

  it("refuses a method a /v1 route does not take with 405, Allow and Vault's shape", async () => {
    for (const line of ["TRACE /v1/sys/health HTTP/1.1", "PATCH /v1/sys/health HTTP/1.1", "TRACK /v1/sys/health HTTP/1.1"]) {
      const { status, text } = await send(line);
      expect(status, line).toBe(405);
      expect(text).toContain("Allow: GET, HEAD, OPTIONS\r\n");
      expect(text).toContain('{"errors":["');
    }
  });

  it("answers bad /v1 targets in Vault's shape", async () => {
    expect((await send("GET /v1/secret/data/%00 HTTP/1.1")).text).toContain('{"errors":["the path holds a NUL byte (%00)"]}');
    expect((await send("GET /v1/caf\u00c3\u00a9 HTTP/1.1")).text).toContain(
      '{"errors":["the request line is malformed: characters in the target must be percent-encoded"]}',
    );
  });
});
