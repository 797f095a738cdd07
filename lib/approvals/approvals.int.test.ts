// The two-person rule (issue 16 §3) through the domain functions: each
// refusal below is a regression test for a way around the rule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { UserActor } from "../auth/actor";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { ApprovalRequired, BadRequest, Conflict, Forbidden, NotFound } from "../errors";
import { createIntegration } from "../integrations/create-integration";
import { setProcessKeyring } from "../keys/process-keyring";
import { startRewrap } from "../keys/start-rewrap";
import { localKeyring } from "../keys/test-support/sealed-versions";
import { PermissionDenied } from "../rbac/authorize";
import { createSecret } from "../secrets/create-secret";
import { deleteSecret } from "../secrets/delete-secret";
import { purgeSecret } from "../secrets/deleted-secrets";
import { revealSecret } from "../secrets/reveal-secret";
import { addBinding } from "../services/bindings";
import { createService } from "../services/manage-services";
import { createServiceToken } from "../services/service-tokens";
import { createUser } from "../../tests/support/factories";
import { getApprovalPolicy, setApprovalPolicy } from "./approval-policy";
import { cancelApproval, decideApproval } from "./decide-approval";
import { getApproval, listApprovals, pendingApprovalCount } from "./list-approvals";
import { requestApproval } from "./request-approval";

const system = systemActor();
let alice: UserActor; // owner in prod: requests
let bob: UserActor; // owner in prod: approves
let eve: UserActor; // editor in prod: no secret:reveal
let otto: UserActor; // viewer of another namespace only
let admin: UserActor; // global admin

/** revealSecret wants an API token's actor; the gate reads the approval named in the context. */
const viaToken = (actor: UserActor, approvalId?: string): UserActor => ({
  ...actor,
  token: { id: "tok_test", scopes: [] },
  context: { ...actor.context, approvalId: approvalId ?? null },
});

async function secretIn(namespace: string, name: string) {
  await createSecret(system, namespace, { name, stringData: { value: `value-of-${name}` } });
}

async function approved(requester: UserActor, action: Parameters<typeof requestApproval>[1] extends infer T ? T : never) {
  const request = await requestApproval(requester, action);
  return decideApproval(bob.id === requester.id ? alice : bob, request.id, "approve", { note: "fine" });
}

beforeAll(async () => {
  alice = (await createUser("alice@example.com", [{ role: "owner", namespace: "prod" }])).actor;
  bob = (await createUser("bob@example.com", [{ role: "owner", namespace: "prod" }])).actor;
  eve = (await createUser("eve@example.com", [{ role: "editor", namespace: "prod" }])).actor;
  otto = (await createUser("otto@example.com", [{ role: "viewer", namespace: "other" }])).actor;
  admin = (await createUser("admin@example.com", [{ role: "admin" }])).actor;
  await secretIn("prod", "db");
  await secretIn("prod", "api-key");
});

beforeEach(async () => {
  await db.approvalPolicy.deleteMany({});
});

describe("without a policy", () => {
  it("leaves every action as it was: a reveal needs no approval", async () => {
    const revealed = await revealSecret(viaToken(alice), "prod", "db");
    expect(Buffer.from(revealed.data.value!, "base64").toString()).toBe("value-of-db");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "secret.reveal", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event.details).not.toHaveProperty("approval");
  });

  it("refuses a request for an action no policy lists (400)", async () => {
    await expect(
      requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "x" }),
    ).rejects.toThrow(/secret.reveal does not need approval in prod/);
  });
});

describe("a policy on reveal", () => {
  beforeEach(async () => {
    await setApprovalPolicy(system, "prod", { actions: ["secret.reveal"], approvalMinutes: 30 });
  });

  it("refuses a reveal with approval_required naming the gate, audited as denied", async () => {
    const error = await revealSecret(viaToken(alice), "prod", "db").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApprovalRequired);
    expect(error).toMatchObject({
      status: 403,
      code: "approval_required",
      gate: { action: "secret.reveal", namespace: "prod", target: { secret: "db" } },
    });
    expect((error as Error).message).toMatch(/Reveal a secret's value in prod needs a second person's approval/);
    const denied = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.reveal" }, orderBy: { seq: "desc" } });
    expect(denied).toMatchObject({ outcome: "denied", actorLabel: "alice@example.com" });
  });

  it("carries a reveal through request → approval → value, once; a second reveal needs a new approval", async () => {
    const request = await requestApproval(alice, {
      namespace: "prod",
      action: "secret.reveal",
      target: { secret: "db" },
      reason: "debug the outage",
    });
    expect(request).toMatchObject({
      status: "pending",
      summary: "Reveal prod/db",
      canCancel: true,
      canDecide: false,
      requester: { email: "alice@example.com" },
    });
    expect(request.id).toMatch(/^apr_[\w-]{22}$/);
    expect(request.url).toMatch(new RegExp(`/approvals/${request.id}$`));
    await expect(revealSecret(viaToken(alice), "prod", "db")).rejects.toBeInstanceOf(ApprovalRequired);

    const decided = await decideApproval(bob, request.id, "approve", { note: "go ahead" });
    expect(decided).toMatchObject({ status: "approved", decidedBy: { email: "bob@example.com" }, decisionNote: "go ahead" });
    const minutes = (Date.parse(decided.expiresAt) - Date.parse(decided.decidedAt!)) / 60_000;
    expect(minutes).toBeCloseTo(30, 3);

    const revealed = await revealSecret(viaToken(alice), "prod", "db");
    expect(Buffer.from(revealed.data.value!, "base64").toString()).toBe("value-of-db");
    const used = await getApproval(alice, request.id);
    expect(used.status).toBe("used");
    expect(used.usedAt).not.toBeNull();

    // Audit links: the action names the approval; the approval events name the request.
    const reveal = await db.auditEvent.findFirstOrThrow({
      where: { action: "secret.reveal", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(reveal.details).toMatchObject({ approval: request.id });
    const approve = await db.auditEvent.findFirstOrThrow({
      where: { action: "approval.approve", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(approve).toMatchObject({ resourceType: "approval", resourceId: request.id, actorLabel: "bob@example.com", namespace: "prod" });
    const asked = await db.auditEvent.findFirstOrThrow({ where: { action: "approval.request", resourceId: request.id } });
    expect(asked.details).toMatchObject({ reason: "debug the outage", action: "secret.reveal", target: { secret: "db" } });

    await expect(revealSecret(viaToken(alice), "prod", "db")).rejects.toBeInstanceOf(ApprovalRequired);
  });

  it("does not let an approval for one secret open another", async () => {
    await approved(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "one" });
    await expect(revealSecret(viaToken(alice), "prod", "api-key")).rejects.toBeInstanceOf(ApprovalRequired);
    // Nor one person's approval another person's action.
    await expect(revealSecret(viaToken(bob), "prod", "db")).rejects.toBeInstanceOf(ApprovalRequired);
    await db.approvalRequest.updateMany({ where: { status: "approved" }, data: { status: "cancelled" } });
  });

  // Regression: an explicit X-Coffer-Approval must fit the action exactly.
  it("refuses an explicit approval for another secret, someone else's, or a used one, each naming why", async () => {
    const forDb = await approved(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "one" });
    await expect(revealSecret(viaToken(alice, forDb.id), "prod", "api-key")).rejects.toThrow(`approval ${forDb.id} was for another secret`);
    await expect(revealSecret(viaToken(bob, forDb.id), "prod", "db")).rejects.toThrow(`approval ${forDb.id} is not yours`);
    expect((await getApproval(alice, forDb.id)).status).toBe("approved");
    await revealSecret(viaToken(alice, forDb.id), "prod", "db");
    await expect(revealSecret(viaToken(alice, forDb.id), "prod", "db")).rejects.toThrow(`approval ${forDb.id} has already been used`);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: "secret.reveal", outcome: "denied" },
      orderBy: { seq: "desc" },
    });
    expect(denied.details).toMatchObject({ reason: `approval ${forDb.id} has already been used` });
  });

  // Regression: an approval past its time must not open anything.
  it("refuses an expired approval, found or named", async () => {
    const given = await approved(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "late" });
    await db.approvalRequest.update({ where: { id: given.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(revealSecret(viaToken(alice), "prod", "db")).rejects.toBeInstanceOf(ApprovalRequired);
    await expect(revealSecret(viaToken(alice, given.id), "prod", "db")).rejects.toThrow(`approval ${given.id} has expired`);
    expect((await getApproval(alice, given.id)).status).toBe("expired");
  });

  it("refuses to approve one's own request, audited as denied and with nothing changed", async () => {
    const request = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "mine" });
    await expect(decideApproval(alice, request.id, "approve")).rejects.toThrow("you cannot approve your own request");
    expect((await getApproval(alice, request.id)).status).toBe("pending");
    const denied = await db.auditEvent.findFirstOrThrow({ where: { action: "approval.approve" }, orderBy: { seq: "desc" } });
    expect(denied).toMatchObject({ outcome: "denied", resourceType: "approval", resourceId: request.id });
  });

  it("refuses an approver without the action's permission (an editor holds no secret:reveal)", async () => {
    const request = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" });
    await expect(decideApproval(eve, request.id, "approve")).rejects.toThrow(
      "permission secret:reveal required in namespace prod to decide this request",
    );
    await expect(decideApproval(admin, request.id, "approve")).rejects.toBeInstanceOf(Forbidden);
    expect((await getApproval(alice, request.id)).status).toBe("pending");
  });

  it("refuses to decide an expired request or one already decided", async () => {
    const request = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" });
    await db.approvalRequest.update({ where: { id: request.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(decideApproval(bob, request.id, "approve")).rejects.toThrow(/this request expired at /);
    const other = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" });
    await decideApproval(bob, other.id, "deny", { note: "not today" });
    await expect(decideApproval(bob, other.id, "approve")).rejects.toThrow("this request was already denied");
  });

  it("keeps the action refused after a deny", async () => {
    const request = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" });
    const denied = await decideApproval(bob, request.id, "deny", { note: "no" });
    expect(denied).toMatchObject({ status: "denied", decisionNote: "no" });
    await expect(revealSecret(viaToken(alice), "prod", "db")).rejects.toBeInstanceOf(ApprovalRequired);
    await expect(revealSecret(viaToken(alice, request.id), "prod", "db")).rejects.toThrow(`approval ${request.id} was denied`);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "approval.deny", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ resourceType: "approval", resourceId: request.id });
  });

  it("lets the requester cancel, and nobody else", async () => {
    const request = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" });
    await expect(cancelApproval(bob, request.id)).rejects.toThrow("only the requester can cancel a request");
    expect(await cancelApproval(alice, request.id)).toMatchObject({ status: "cancelled", canCancel: false });
    await expect(cancelApproval(alice, request.id)).rejects.toThrow("this request was already cancelled");
    await expect(decideApproval(bob, request.id, "approve")).rejects.toThrow("this request was already cancelled");
  });

  it("refuses a request without a reason, for a missing secret, or by someone without the permission", async () => {
    const ask = (actor: UserActor, target: Record<string, string>, reason = "why") =>
      requestApproval(actor, { namespace: "prod", action: "secret.reveal", target, reason });
    await expect(ask(alice, { secret: "db" }, "  ")).rejects.toBeInstanceOf(BadRequest);
    await expect(requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" } })).rejects.toBeInstanceOf(
      BadRequest,
    );
    await expect(ask(alice, { secret: "nope" })).rejects.toBeInstanceOf(NotFound);
    await expect(ask(alice, { service: "db" })).rejects.toBeInstanceOf(BadRequest);
    await expect(ask(eve, { secret: "db" })).rejects.toBeInstanceOf(PermissionDenied);
    await expect(requestApproval(alice, { namespace: "prod", action: "secret.nope", target: {}, reason: "r" })).rejects.toBeInstanceOf(
      BadRequest,
    );
  });

  it("shows requests only to their requester and to those who could decide them", async () => {
    const request = await requestApproval(alice, { namespace: "prod", action: "secret.reveal", target: { secret: "db" }, reason: "r" });
    expect((await listApprovals(alice, { scope: "mine" })).map((a) => a.id)).toContain(request.id);
    const forBob = await listApprovals(bob, { scope: "decide", status: "pending" });
    expect(forBob.find((a) => a.id === request.id)).toMatchObject({ canDecide: true, canCancel: false });
    expect(await pendingApprovalCount(bob)).toBeGreaterThan(0);
    expect(await listApprovals(otto)).toEqual([]);
    expect(await pendingApprovalCount(otto)).toBe(0);
    expect(await listApprovals(eve)).toEqual([]);
    await expect(getApproval(otto, request.id)).rejects.toBeInstanceOf(NotFound);
    expect((await listApprovals(alice, { scope: "decide" })).map((a) => a.id)).not.toContain(request.id);
    await expect(listApprovals(alice, { status: "later" })).rejects.toBeInstanceOf(BadRequest);
    await expect(listApprovals(system)).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("each gated action", () => {
  it("gates deleting a secret, and a failed delete keeps the approval unused", async () => {
    await secretIn("prod", "old");
    await createService(system, "prod", { name: "uses-old" });
    await addBinding(system, "prod", "uses-old", { secret: "old" });
    await setApprovalPolicy(system, "prod", { actions: ["secret.delete"] });
    await expect(deleteSecret(alice, "prod", "old")).rejects.toBeInstanceOf(ApprovalRequired);
    const given = await approved(alice, { namespace: "prod", action: "secret.delete", target: { secret: "old" }, reason: "cleanup" });
    await expect(deleteSecret(alice, "prod", "old")).rejects.toBeInstanceOf(Conflict);
    expect((await getApproval(alice, given.id)).status).toBe("approved");
    await db.secretBinding.deleteMany({ where: { service: { name: "uses-old" } } });
    await deleteSecret(alice, "prod", "old");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "secret.delete", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event.details).toMatchObject({ approval: given.id });
  });

  it("gates purging", async () => {
    await secretIn("prod", "gone");
    await deleteSecret(system, "prod", "gone");
    await setApprovalPolicy(system, "prod", { actions: ["secret.purge"] });
    await expect(purgeSecret(alice, "prod", "gone")).rejects.toBeInstanceOf(ApprovalRequired);
    const given = await approved(alice, { namespace: "prod", action: "secret.purge", target: { secret: "gone" }, reason: "r" });
    await purgeSecret(alice, "prod", "gone");
    expect((await getApproval(alice, given.id)).status).toBe("used");
  });

  it("gates binding a secret to a service, per service and secret", async () => {
    await createService(system, "prod", { name: "web" });
    await setApprovalPolicy(system, "prod", { actions: ["binding.create"] });
    await expect(addBinding(alice, "prod", "web", { secret: "db" })).rejects.toBeInstanceOf(ApprovalRequired);
    const given = await approved(alice, {
      namespace: "prod",
      action: "binding.create",
      target: { service: "web", secret: "db" },
      reason: "r",
    });
    await expect(addBinding(alice, "prod", "web", { secret: "api-key" })).rejects.toBeInstanceOf(ApprovalRequired);
    await addBinding(alice, "prod", "web", { secret: "db" });
    expect((await getApproval(alice, given.id)).status).toBe("used");
  });

  it("gates creating a service token", async () => {
    await createService(system, "prod", { name: "worker" });
    await setApprovalPolicy(system, "prod", { actions: ["servicetoken.create"] });
    await expect(createServiceToken(alice, "prod", "worker", {})).rejects.toBeInstanceOf(ApprovalRequired);
    const given = await approved(alice, { namespace: "prod", action: "servicetoken.create", target: { service: "worker" }, reason: "r" });
    expect((await createServiceToken(alice, "prod", "worker", {})).token).toMatch(/^cfs_/);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "servicetoken.create", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event.details).toMatchObject({ approval: given.id });
  });

  it("gates creating an integration, per kind and name", async () => {
    await setApprovalPolicy(system, "prod", { actions: ["integration.create"] });
    await expect(createIntegration(alice, "prod", { kind: "kubernetes-kms", name: "kms" })).rejects.toBeInstanceOf(ApprovalRequired);
    await approved(alice, {
      namespace: "prod",
      action: "integration.create",
      target: { kind: "kubernetes-kms", name: "kms" },
      reason: "r",
    });
    await expect(createIntegration(alice, "prod", { kind: "kubernetes-kms", name: "kms2" })).rejects.toBeInstanceOf(ApprovalRequired);
    expect((await createIntegration(alice, "prod", { kind: "kubernetes-kms", name: "kms" })).token).toMatch(/^cfi_/);
  });

  it("gates starting a re-wrap through the instance policy, which only key:manage sets", async () => {
    const carol = (await createUser("carol@example.com", [{ role: "owner" }])).actor;
    const dave = (await createUser("dave@example.com", [{ role: "owner" }])).actor;
    setProcessKeyring(localKeyring("key1"));
    try {
      await expect(setApprovalPolicy(alice, null, { actions: ["key.rewrap_start"] })).rejects.toBeInstanceOf(PermissionDenied);
      await expect(setApprovalPolicy(carol, "prod", { actions: ["key.rewrap_start"] })).rejects.toThrow(/instance action/);
      await expect(setApprovalPolicy(carol, null, { actions: ["secret.reveal"] })).rejects.toThrow(/set per namespace/);
      expect(await setApprovalPolicy(carol, null, { actions: ["key.rewrap_start"] })).toMatchObject({
        namespace: null,
        actions: ["key.rewrap_start"],
      });
      await expect(startRewrap(carol)).rejects.toBeInstanceOf(ApprovalRequired);
      const request = await requestApproval(carol, { action: "key.rewrap_start", target: {}, reason: "retire key0" });
      expect(request).toMatchObject({ namespace: null, summary: "Start a re-wrap" });
      await decideApproval(dave, request.id, "approve");
      await startRewrap(carol);
      expect((await getApproval(carol, request.id)).status).toBe("used");
    } finally {
      setProcessKeyring(undefined);
      await db.job.deleteMany({});
    }
  });
});

describe("the policy", () => {
  it("is read by any role in the namespace and set with namespace:manage", async () => {
    expect(await getApprovalPolicy(eve, "prod")).toMatchObject({ namespace: "prod", actions: [], approvalMinutes: 60 });
    await expect(getApprovalPolicy(otto, "prod")).rejects.toBeInstanceOf(Forbidden);
    await expect(setApprovalPolicy(eve, "prod", { actions: ["secret.reveal"] })).rejects.toBeInstanceOf(PermissionDenied);
    await expect(setApprovalPolicy(alice, "prod", { actions: ["secret.reveal"], approvalMinutes: 2 })).rejects.toBeInstanceOf(BadRequest);
    const set = await setApprovalPolicy(alice, "prod", { actions: ["secret.reveal", "secret.delete"], approvalMinutes: 15 });
    expect(set).toMatchObject({
      actions: ["secret.delete", "secret.reveal"],
      approvalMinutes: 15,
      updatedBy: { email: "alice@example.com" },
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "approval.policy_update", outcome: "success" },
      orderBy: { seq: "desc" },
    });
    expect(event.details).toMatchObject({ actions: ["secret.delete", "secret.reveal"], approvalMinutes: 15 });
  });
});

afterAll(async () => {
  await db.approvalPolicy.deleteMany({});
});
