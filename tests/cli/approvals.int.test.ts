// The CLI's side of the two-person rule against the real routes: a gated
// command says how to request an approval, --reason requests it and prints
// "approval pending: <url>", --wait waits for the decision and repeats the
// call with X-Coffer-Approval; a denial ends the wait with its note; an
// approval is used once.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../packages/cli/src/run";
import { memoryContext } from "../../packages/cli/src/test-support/memory-context";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { personalToken } from "../support/api";
import { createUser } from "../support/factories";
import { CANARY } from "../support/leak-canary";
import { type CofferServer, startCoffer } from "./cli-server";

let server: CofferServer;
/** A second owner: holds secret:reveal too, so either may decide the other's requests. */
let grace: { url: string; token: string };

const VALUE = `${CANARY}-approved-reveal`;

beforeAll(async () => {
  server = await startCoffer();
  const { user } = await createUser("grace@example.com", [{ role: "owner" }]);
  grace = { url: server.url, token: await personalToken(user.id) };
  expect(await runCli(["secret", "create", "db_password", "-"], { server, stdin: VALUE })).toMatchObject({ code: 0 });
  expect(await runCli(["secret", "create", "old_cert", "-"], { server, stdin: "x" })).toMatchObject({ code: 0 });
  const policy = await api("PUT", "/api/v1/namespaces/default/approval-policy", server.token, {
    actions: ["secret.reveal", "secret.delete"],
    approvalMinutes: 30,
  });
  expect(policy.status).toBe(200);
});
afterAll(() => server.close());

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The CLI as grace, run in-process with its stderr readable while it waits. */
function graceCli(argv: string[]) {
  const memory = memoryContext({
    env: { COFFER_CONFIG_DIR: "/nonexistent/coffer-cli-test", COFFER_SERVER: grace.url, COFFER_TOKEN: grace.token },
  });
  // Short polls: the test approves as soon as the CLI says it waits.
  memory.ctx.approval = { pollMs: 20 };
  return { done: run(argv, memory.ctx), stdout: memory.stdout, stderr: memory.stderr };
}

const pendingUrl = (stderr: string) => /approval pending: (\S+)/.exec(stderr)?.[1];

describe("coffer and approvals", () => {
  it("says how to request an approval, and requests nothing without --reason", async () => {
    const result = await runCli(["secret", "reveal", "default/db_password"], { server: grace });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("needs a second person's approval");
    expect(result.stderr).toContain('repeat the command with --reason "<why>"');
    expect((await api("GET", "/api/v1/approvals?scope=mine", grace.token)).body.items).toEqual([]);
  });

  it("requests with --reason, waits with --wait, and reveals once approved; the approval is used once", async () => {
    const first = await runCli(["secret", "reveal", "default/db_password", "--reason", "restore the staging copy, OPS-12"], {
      server: grace,
    });
    expect(first.code).toBe(1);
    const url = pendingUrl(first.stderr);
    expect(url).toMatch(/\/approvals\/apr_[\w-]+$/);
    const id = url!.split("/").at(-1)!;
    const request = await api("GET", `/api/v1/approvals/${id}`, grace.token);
    expect(request.body).toMatchObject({
      action: "secret.reveal",
      namespace: "default",
      target: { secret: "db_password" },
      status: "pending",
    });
    expect(request.body.reason).toBe("restore the staging copy, OPS-12");

    // Asked again with --wait, the CLI waits on the same request rather than making a second one.
    const waiting = graceCli(["secret", "reveal", "default/db_password", "--wait"]);
    await vi.waitFor(() => expect(waiting.stderr()).toContain("waiting for a decision"), { timeout: 10_000 });
    expect(pendingUrl(waiting.stderr())).toBe(url);
    expect((await api("POST", `/api/v1/approvals/${id}/approve`, server.token, { note: "go ahead" })).status).toBe(200);
    expect(await waiting.done).toBe(0);
    expect(waiting.stdout()).toBe(VALUE);
    expect(waiting.stderr()).toContain("approved by ada@example.com: go ahead");
    const repeated = server.requests.filter((r) => r.url.startsWith("/api/v1/namespaces/default/secrets/db_password/value")).at(-1)!;
    expect(repeated.headers["x-coffer-approval"]).toBe(id);
    expect(repeated.status).toBe(200);
    expect((await api("GET", `/api/v1/approvals/${id}`, grace.token)).body.status).toBe("used");

    // Used: the next reveal needs a new approval.
    const again = await runCli(["secret", "reveal", "default/db_password"], { server: grace });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("needs a second person's approval");
  });

  it("ends the wait with the denial and its note, and the command stays refused", async () => {
    const waiting = graceCli(["--reason", "tidy up", "--wait", "secret", "rm", "old_cert"]);
    await vi.waitFor(() => expect(waiting.stderr()).toContain("waiting for a decision"), { timeout: 10_000 });
    const id = pendingUrl(waiting.stderr())!.split("/").at(-1)!;
    expect((await api("POST", `/api/v1/approvals/${id}/deny`, server.token, { note: "still in use by the VPN" })).status).toBe(200);
    expect(await waiting.done).toBe(1);
    expect(waiting.stderr()).toContain(`approval ${id} was denied by ada@example.com: still in use by the VPN`);
    expect(waiting.stdout()).toBe("");
    expect((await runCli(["secret", "inspect", "old_cert"], { server })).code).toBe(0);
  });

  it("lets nobody approve their own request", async () => {
    const result = await runCli(["secret", "reveal", "default/db_password", "--reason", "mine"], { server: grace });
    const id = pendingUrl(result.stderr)!.split("/").at(-1)!;
    const own = await api("POST", `/api/v1/approvals/${id}/approve`, grace.token, {});
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain("you cannot approve your own request");
    expect((await api("POST", `/api/v1/approvals/${id}/cancel`, grace.token)).status).toBe(200);
  });
});
