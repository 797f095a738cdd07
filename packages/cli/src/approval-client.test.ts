import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiClient } from "./api-client";
import { approvalGate, endedText, sameGate, withApprovals } from "./approval-client";
import type { ApprovalOptions } from "./approval-flags";
import { ApiError, CliError } from "./errors";
import { memoryContext } from "./test-support/memory-context";

// A server with one gated call (GET /value) and the approvals API, scripted
// per test: the statuses GET /approvals/{id} answers in turn.
const GATE = { action: "secret.reveal" as const, namespace: "prod", target: { secret: "db" } };
let server: Server;
let base: string;
let seen: { method: string; url: string; approval?: string; body: string }[];
let pendingMine: unknown[];
let statuses: string[];

function dto(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: "apr_1",
    ...GATE,
    status,
    url: "https://coffer.example/approvals/apr_1",
    decidedBy: status === "pending" ? null : { id: "u2", email: "grace@example.com" },
    decisionNote: null,
    expiresAt: "2026-12-02T20:00:00.000Z",
    ...extra,
  };
}

function answer(req: IncomingMessage, body: string): [number, unknown] {
  const url = new URL(req.url!, "http://x");
  if (url.pathname === "/value") {
    if (req.headers["x-coffer-approval"] === "apr_1") return [200, { data: { value: "aGk=" } }];
    return [
      403,
      { error: { code: "approval_required", message: "Reveal a secret's value in prod needs a second person's approval", approval: GATE } },
    ];
  }
  if (url.pathname === "/other") return [403, { error: { code: "forbidden", message: "no" } }];
  if (url.pathname === "/api/v1/approvals" && req.method === "GET") return [200, { items: pendingMine }];
  if (url.pathname === "/api/v1/approvals" && req.method === "POST") return [201, { ...dto("pending"), reason: JSON.parse(body).reason }];
  if (url.pathname === "/api/v1/approvals/apr_1") {
    const status = statuses.shift() ?? "pending";
    return [200, dto(status, status === "denied" ? { decisionNote: "use the replica" } : {})];
  }
  return [404, { error: { code: "not_found", message: "no" } }];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const approval = req.headers["x-coffer-approval"];
      seen.push({ method: req.method!, url: req.url!, approval: typeof approval === "string" ? approval : undefined, body });
      const [status, json] = answer(req, body);
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  pendingMine = [];
  statuses = [];
});

function client(approval: ApprovalOptions) {
  const memory = memoryContext();
  memory.ctx.approval = { pollMs: 1, ...approval };
  return { api: withApprovals(createApiClient({ server: base, token: "t" }), memory.ctx), stderr: memory.stderr };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the request to fail");
}

describe("withApprovals", () => {
  it("says how to request an approval when --reason is missing, and requests nothing", async () => {
    const { api } = client({});
    const error = await failure(api.request("GET", "/value"));
    expect(error).toBeInstanceOf(CliError);
    expect(error.message).toBe(
      "Error response from server: Reveal a secret's value in prod needs a second person's approval\n" +
        'To request it, repeat the command with --reason "<why>" (and --wait to wait for the decision).',
    );
    expect(seen.map((r) => r.method)).toEqual(["GET", "GET"]);
  });

  it("requests the gate the server named with the reason, prints the URL and stops without --wait", async () => {
    const { api, stderr } = client({ reason: "restore staging" });
    const error = await failure(api.request("GET", "/value"));
    expect(error.message).toBe("Run the command again once it is approved, or add --wait to wait for it.");
    expect(stderr()).toBe("approval pending: https://coffer.example/approvals/apr_1\n");
    const posted = seen.find((r) => r.method === "POST")!;
    expect(JSON.parse(posted.body)).toEqual({ ...GATE, reason: "restore staging" });
  });

  it("with --wait polls until approved, then repeats the call once with X-Coffer-Approval", async () => {
    statuses = ["pending", "pending", "approved"];
    const { api, stderr } = client({ reason: "restore staging", wait: true });
    expect(await api.request("GET", "/value")).toEqual({ data: { value: "aGk=" } });
    expect(seen.filter((r) => r.url === "/api/v1/approvals/apr_1")).toHaveLength(3);
    expect(seen.at(-1)).toMatchObject({ method: "GET", url: "/value", approval: "apr_1" });
    expect(stderr()).toContain("approval pending: https://coffer.example/approvals/apr_1\nwaiting for a decision");
    expect(stderr()).toContain("approved by grace@example.com\n");
  });

  it("waits on the caller's own pending request for the same gate instead of asking twice", async () => {
    pendingMine = [dto("pending", { target: { secret: "other" } }), dto("pending")];
    statuses = ["approved"];
    const { api } = client({ wait: true });
    expect(await api.request("GET", "/value")).toEqual({ data: { value: "aGk=" } });
    expect(seen.some((r) => r.method === "POST")).toBe(false);
  });

  it("stops with the decision's note when the request is denied", async () => {
    statuses = ["denied"];
    const { api } = client({ reason: "why", wait: true });
    const error = await failure(api.request("GET", "/value"));
    expect(error.message).toBe("approval apr_1 was denied by grace@example.com: use the replica");
    expect(seen.filter((r) => r.url === "/value")).toHaveLength(1);
  });

  it("passes every other failure through unchanged", async () => {
    const error = await failure(client({ reason: "why", wait: true }).api.request("GET", "/other"));
    expect(error).toBeInstanceOf(ApiError);
    expect(seen).toHaveLength(1);
  });
});

describe("approval helpers", () => {
  it("reads the gate only from approval_required bodies that carry one", () => {
    const body = { code: "approval_required", approval: GATE };
    expect(approvalGate(new ApiError(403, "approval_required", "m", base, body))).toEqual(GATE);
    expect(approvalGate(new ApiError(403, "approval_required", "m", base, { code: "approval_required" }))).toBeNull();
    expect(approvalGate(new ApiError(403, "forbidden", "m", base, body))).toBeNull();
    expect(approvalGate(new Error("x"))).toBeNull();
  });

  it("compares targets whatever their key order", () => {
    const binding = { action: "binding.create" as const, namespace: "prod", target: { service: "web", secret: "db" } };
    expect(sameGate(binding, { ...binding, target: { secret: "db", service: "web" } })).toBe(true);
    expect(sameGate(binding, { ...binding, namespace: "dev" })).toBe(false);
    expect(sameGate(binding, { ...binding, target: { secret: "db" } })).toBe(false);
  });

  it("words each way a wait ends without an approval", () => {
    const ended = { id: "apr_9", decidedBy: null, decisionNote: null, expiresAt: "2026-12-02T20:00:00.000Z" };
    expect(endedText({ ...ended, status: "cancelled" })).toBe("approval apr_9 was cancelled");
    expect(endedText({ ...ended, status: "expired" })).toBe("approval apr_9 expired at 2026-12-02T20:00:00.000Z before it was used");
    expect(endedText({ ...ended, status: "used" })).toBe("approval apr_9 was already used");
  });
});
