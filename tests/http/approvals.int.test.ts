// The approval routes (issue 16 §3) as a client calls them: a gated reveal
// answers 403 approval_required with the gate in the body, the client asks
// with that gate and a reason, another member approves, and the reveal
// (through /api/v1 or the Vault API) works once.
import { beforeAll, describe, expect, it } from "vitest";
import * as policyRoute from "@/app/api/v1/approval-policy/route";
import * as approveRoute from "@/app/api/v1/approvals/[id]/approve/route";
import * as cancelRoute from "@/app/api/v1/approvals/[id]/cancel/route";
import * as denyRoute from "@/app/api/v1/approvals/[id]/deny/route";
import * as approvalRoute from "@/app/api/v1/approvals/[id]/route";
import * as approvalsRoute from "@/app/api/v1/approvals/route";
import * as nsPolicyRoute from "@/app/api/v1/namespaces/[ns]/approval-policy/route";
import * as valueRoute from "@/app/api/v1/namespaces/[ns]/secrets/[name]/value/route";
import * as vaultDataRoute from "@/app/v1/[mount]/data/[...name]/route";
import { createSecret } from "@/lib/secrets/create-secret";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { CANARY } from "@/tests/support/leak-canary";

const VALUE = `${CANARY}-approved`;
let alice: string; // requests
let bob: string; // approves
let viewer: string;

/** call(), with the X-Coffer-Approval header a client sends to name its approval. */
async function revealWith(token: string, approval: string, name = "db") {
  const request = new Request("http://coffer.test/api", {
    headers: { authorization: `Bearer ${token}`, "x-request-id": "req-approval", "x-coffer-approval": approval },
  });
  const response = await valueRoute.GET(request, { params: Promise.resolve({ ns: "prod", name }) });
  return { status: response.status, body: (await response.json()) as { error?: { message: string }; data?: Record<string, string> } };
}

beforeAll(async () => {
  const a = await createUser("alice@example.com", [{ role: "owner", namespace: "prod" }]);
  alice = await personalToken(a.user.id);
  bob = await personalToken((await createUser("bob@example.com", [{ role: "owner", namespace: "prod" }])).user.id);
  viewer = await personalToken((await createUser("viewer@example.com", [{ role: "viewer", namespace: "prod" }])).user.id);
  await createSecret(a.actor, "prod", { name: "db", stringData: { value: VALUE } });
  await createSecret(a.actor, "prod", { name: "other", stringData: { value: VALUE } });
});

describe("the approval flow over HTTP", () => {
  it("sets the policy, gates the reveal, and carries it through request → approve → value, once", async () => {
    const put = await call(nsPolicyRoute.PUT, {
      token: alice,
      method: "PUT",
      params: { ns: "prod" },
      body: { actions: ["secret.reveal"], approvalMinutes: 10 },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ namespace: "prod", actions: ["secret.reveal"], approvalMinutes: 10 });
    expect((await call(nsPolicyRoute.GET, { token: viewer, params: { ns: "prod" } })).body.actions).toEqual(["secret.reveal"]);

    const gated = await call(valueRoute.GET, { token: alice, params: { ns: "prod", name: "db" } });
    expect(gated.status).toBe(403);
    expect(gated.headers.get("cache-control")).toBe("no-store");
    expect(gated.body).toEqual({
      error: {
        code: "approval_required",
        message: "Reveal a secret's value in prod needs a second person's approval: request it with a reason, then repeat the action",
        approval: { action: "secret.reveal", namespace: "prod", target: { secret: "db" } },
      },
    });
    expect(gated.text).not.toContain(VALUE);

    const noReason = await call(approvalsRoute.POST, { token: alice, body: gated.body.error.approval });
    expect(noReason.status).toBe(400);
    const asked = await call(approvalsRoute.POST, { token: alice, body: { ...gated.body.error.approval, reason: "incident 42" } });
    expect(asked.status, asked.text).toBe(201);
    const id = asked.body.id as string;
    expect(asked.body).toMatchObject({ status: "pending", reason: "incident 42", summary: "Reveal prod/db", canCancel: true });

    const own = await call(approveRoute.POST, { token: alice, params: { id }, body: {} });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe("you cannot approve your own request");

    const listed = await call(approvalsRoute.GET, { token: bob, query: "?scope=decide&status=pending" });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call(approvalsRoute.GET, { token: viewer })).body.items).toEqual([]);
    expect((await call(approvalRoute.GET, { token: viewer, params: { id } })).status).toBe(404);
    expect((await call(approvalsRoute.GET, { token: bob, query: "?status=soon" })).status).toBe(400);

    // No body at all is no note.
    const approved = await call(approveRoute.POST, { token: bob, params: { id }, method: "POST" });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", decidedBy: { email: "bob@example.com" }, decisionNote: null });

    expect((await revealWith(alice, id, "other")).body.error?.message).toBe(`approval ${id} was for another secret`);
    const revealed = await revealWith(alice, id);
    expect(revealed.status).toBe(200);
    expect(Buffer.from(revealed.body.data!.value!, "base64").toString()).toBe(VALUE);
    expect((await call(approvalRoute.GET, { token: alice, params: { id } })).body.status).toBe("used");
    expect((await call(valueRoute.GET, { token: alice, params: { ns: "prod", name: "db" } })).body.error.code).toBe("approval_required");
  });

  it("ignores a malformed X-Coffer-Approval header: the gate still refuses", async () => {
    const junk = await revealWith(alice, "'; DROP TABLE x; --");
    expect(junk.status).toBe(403);
    expect(junk.body).toMatchObject({ error: { code: "approval_required" } });
  });

  it("gates the Vault API's read, with a message that says how to ask", async () => {
    const read = await call(vaultDataRoute.GET, { token: alice, params: { mount: "prod", name: ["db"] } });
    expect(read.status).toBe(403);
    expect(read.body.errors[0]).toMatch(/^permission denied: Reveal a secret's value in prod needs a second person's approval/);
    expect(read.body.errors[0]).toContain('"action":"secret.reveal"');
    expect(read.body.errors[0]).toContain("X-Coffer-Approval");
    expect(read.text).not.toContain(VALUE);

    const asked = await call(approvalsRoute.POST, {
      token: alice,
      body: { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "vault" },
    });
    await call(approveRoute.POST, { token: bob, params: { id: asked.body.id }, body: { note: "ok" } });
    const allowed = await call(vaultDataRoute.GET, { token: alice, params: { mount: "prod", name: ["db"] } });
    expect(allowed.status, allowed.text).toBe(200);
    expect(allowed.body.data.data.value).toBe(VALUE);
  });

  it("denies and cancels", async () => {
    const ask = () =>
      call(approvalsRoute.POST, {
        token: alice,
        body: { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" },
      });
    const first = (await ask()).body.id;
    const denied = await call(denyRoute.POST, { token: bob, params: { id: first }, body: { note: "no" } });
    expect(denied.body).toMatchObject({ status: "denied", decisionNote: "no" });
    expect((await call(cancelRoute.POST, { token: alice, params: { id: first }, method: "POST" })).body.error.message).toBe(
      "this request was already denied",
    );
    const second = (await ask()).body.id;
    expect((await call(cancelRoute.POST, { token: bob, params: { id: second }, method: "POST" })).status).toBe(403);
    const cancelled = await call(cancelRoute.POST, { token: alice, params: { id: second }, method: "POST" });
    expect(cancelled.body).toMatchObject({ status: "cancelled" });
    expect((await call(approveRoute.POST, { token: bob, params: { id: "apr_missing" }, body: {} })).status).toBe(404);
  });

  it("keeps the instance policy to key.rewrap_start and needs key:manage to set it", async () => {
    expect((await call(policyRoute.GET, { token: alice })).status).toBe(403);
    const bad = await call(nsPolicyRoute.PUT, {
      token: alice,
      method: "PUT",
      params: { ns: "prod" },
      body: { actions: ["key.rewrap_start"] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/instance action/);
    expect((await call(policyRoute.PUT, { token: alice, method: "PUT", body: { actions: ["key.rewrap_start"] } })).status).toBe(403);
  });
});
