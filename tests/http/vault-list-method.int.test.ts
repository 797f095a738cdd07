// Regression: `LIST /v1/secret/metadata/` (hvac's and node-vault's verb) was
// refused by Node's HTTP parser before any route saw it. Here a raw TCP
// client sends it, alone and behind a GET on one keep-alive connection, to
// the in-process server, which serves it as the product's server does
// (lib/http/list-method.ts): the route answers GET ?list=true, then the
// connection closes.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecret } from "@/lib/secrets/create-secret";
import { personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { startInProcessServer, type InProcessServer } from "@/tests/support/in-process-server";

let server: InProcessServer;
let token = "";

beforeAll(async () => {
  server = await startInProcessServer();
  const { user, actor } = await createUser("list-owner@example.com", [{ role: "owner" }]);
  token = await personalToken(user.id);
  await createSecret(actor, "default", { name: "listed-db", stringData: { password: "x" } });
});
afterAll(() => server.close());

/** Sends each packet once `answers[i]` answers have arrived; resolves with everything read when the server closes. */
function exchange(packets: string[], answers: number[] = []): Promise<string> {
  const { port, hostname } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    let sent = 0;
    const sendNext = () => {
      while (sent < packets.length && (text.match(/HTTP\/1\.1 \d{3}/g)?.length ?? 0) >= (answers[sent] ?? 0))
        socket.write(packets[sent++]!);
    };
    socket.on("connect", sendNext);
    socket.on("data", (chunk) => {
      text += chunk.toString("utf8");
      sendNext();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
  });
}

const head = (line: string) => `${line}\r\nHost: ${new URL(server.url).host}\r\nX-Vault-Token: ${token}\r\n\r\n`;

describe("LIST through the in-process server", () => {
  it("lists the mount's keys, then closes the connection", async () => {
    const text = await exchange([head("LIST /v1/secret/metadata/ HTTP/1.1")]);
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain('"listed-db"');
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", url: "/v1/secret/metadata/?list=true", status: 200 });
  });

  it("answers GET then LIST on one keep-alive connection", async () => {
    const text = await exchange([head("GET /v1/auth/token/lookup-self HTTP/1.1"), head("LIST /v1/secret/metadata HTTP/1.1")], [0, 1]);
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(["HTTP/1.1 200", "HTTP/1.1 200"]);
    expect(text.indexOf('"policies"')).toBeLessThan(text.indexOf('"listed-db"'));
    expect(server.requests.slice(-2).map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v1/auth/token/lookup-self",
      "GET /v1/secret/metadata?list=true",
    ]);
  });

  it("answers LIST on a path that is not /v1 with 405, as before", async () => {
    expect(await exchange([head("LIST /api/v1/namespaces HTTP/1.1")])).toMatch(/^HTTP\/1\.1 405 [^]*Allow: GET, POST, HEAD, OPTIONS\r\n/);
  });
});
