// Regression: malformed server-action bodies (broken multipart, text
// that is not JSON, dangling references, over the size limit) answered 500
// from Next.js's decoder; the HTTP layer refuses them with 400 or 413.
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { actionBodyProblem, isServerActionPost, readBody, replayRequest } from "./screen-action-body";

const ACTION = { "next-action": "60e1527006010ba8285fbc04bcddc95472d1a1a5f9" };
const text = (body: string | Buffer, headers: Record<string, string> = {}) =>
  actionBodyProblem({ ...ACTION, "content-type": "text/plain;charset=UTF-8", ...headers }, Buffer.from(body));

async function multipart(form: FormData, headers: Record<string, string> = ACTION) {
  const request = new Request("http://x/", { method: "POST", body: form });
  const body = Buffer.from(await request.arrayBuffer());
  return { headers: { ...headers, "content-type": request.headers.get("content-type")! }, body };
}

describe("isServerActionPost", () => {
  it("is a POST to a page with Next-Action or a multipart body", () => {
    expect(isServerActionPost("POST", "/login", ACTION)).toBe(true);
    expect(isServerActionPost("POST", "/login", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    expect(isServerActionPost("POST", "/login", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    expect(isServerActionPost("GET", "/login", ACTION)).toBe(false);
    expect(isServerActionPost("POST", "/api/v1/namespaces", ACTION)).toBe(false);
  });
});

describe("actionBodyProblem", () => {
  it("takes what React's encodeReply sends", async () => {
    expect(await text('[{},"$$literal","$undefined","$D2026-01-01T00:00:00.000Z","$n42","$-0"]')).toBeNull();
    const form = new FormData();
    form.set("1_email", "ada@example.com");
    form.set("0", '[{},"$K1"]');
    const { headers, body } = await multipart(form);
    expect(await actionBodyProblem(headers, body)).toBeNull();
  });

  it.each([
    ["{{{", "the server action's arguments are not JSON"],
    ["", "the server action's arguments are not JSON"],
    ['{"a":1}', "the server action's arguments must be a JSON array"],
    ['"$K1"', "the server action's arguments must be a JSON array"],
    ['["$K1"]', "the server action's arguments refer to parts the body does not have"],
    ['[{"x":["$@2"]}]', "the server action's arguments refer to parts the body does not have"],
    ['["$nabc"]', "the server action's arguments refer to parts the body does not have"],
  ])("refuses the text body %j: %s", async (body, message) => {
    expect(await text(body)).toBe(message);
  });

  it("refuses a body that is not UTF-8", async () => {
    expect(await text(Buffer.from([0x5b, 0xff, 0xfe, 0x5d]))).toBe("the body is not valid UTF-8");
  });

  it("refuses broken multipart, and an action's multipart without its arguments", async () => {
    const boundary = { ...ACTION, "content-type": "multipart/form-data; boundary=xyz" };
    expect(await actionBodyProblem(boundary, Buffer.from("garbage"))).toBe("the body is not valid multipart/form-data");
    expect(await actionBodyProblem({ ...ACTION, "content-type": "multipart/form-data" }, Buffer.from("garbage"))).toBe(
      "the body is not valid multipart/form-data",
    );
    const form = new FormData();
    form.set("1_email", "ada@example.com");
    const { headers, body } = await multipart(form);
    expect(await actionBodyProblem(headers, body)).toBe("the server action's arguments (field 0) are missing");
    form.set("0", "not json");
    const again = await multipart(form);
    expect(await actionBodyProblem(again.headers, again.body)).toBe("the server action's arguments are not JSON");
  });

  it("leaves a plain multipart form post (no Next-Action) to Next.js once it parses", async () => {
    const form = new FormData();
    form.set("email", "ada@example.com");
    const { headers, body } = await multipart(form, {});
    expect(await actionBodyProblem(headers, body)).toBeNull();
    expect(await actionBodyProblem({ "content-type": "multipart/form-data; boundary=q" }, Buffer.from("--q\r\nbroken"))).toBe(
      "the body is not valid multipart/form-data",
    );
  });
});

function request(chunks: Buffer[], headers: Record<string, string> = {}): IncomingMessage {
  const req = Object.assign(Readable.from(chunks), { headers }) as unknown as IncomingMessage;
  return req;
}

describe("readBody and replayRequest", () => {
  it("reads the whole body, and 413 past the limit", async () => {
    expect(await readBody(request([Buffer.from("ab"), Buffer.from("cd")]), 4)).toEqual(Buffer.from("abcd"));
    expect(await readBody(request([Buffer.from("abc"), Buffer.from("de")]), 4)).toMatchObject({ status: 413, code: "too_large" });
    expect(await readBody(request([], { "content-length": "5" }), 4)).toMatchObject({ status: 413 });
  });

  it("hands Next.js the same request with the same bytes", async () => {
    const original = new IncomingMessage(new Socket());
    Object.assign(original, { method: "POST", url: "/login", headers: { host: "x" }, rawHeaders: ["Host", "x"] });
    const copy = replayRequest(original, Buffer.from("[1]"));
    expect([copy.method, copy.url, copy.headers, copy.socket]).toEqual([original.method, original.url, original.headers, original.socket]);
    const chunks: Buffer[] = [];
    for await (const chunk of copy) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("[1]");
  });
});
