// A scripted run through the product, then every action of the registry
// (lib/audit/actions.ts) must be in the trail, each in its own event. A new
// action that forgets recordAudit() fails here.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { archiveBatch } from "@/lib/audit/archive-job";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { sealPending } from "@/lib/audit/log/sequencer";
import { verifyAuditLog } from "@/lib/audit/log/verify-log";
import { verifyAuditLogNow } from "@/lib/audit/verify-now";
import { userActor } from "@/lib/auth/actor";
import { endSession, actorForSession } from "@/lib/auth/session";
import { completeSetup, issueSetupToken } from "@/lib/auth/setup";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import { startRewrap } from "@/lib/keys/start-rewrap";
import { createIntegration } from "@/lib/integrations/create-integration";
import { deliverDockerSecret } from "@/lib/integrations/docker-swarm-delivery";
import { renewIntegrationToken } from "@/lib/integrations/renew-integration-token";
import { resolveIntegrationToken } from "@/lib/integrations/resolve-integration-token";
import { revokeIntegration } from "@/lib/integrations/revoke-integration";
import { createNamespace } from "@/lib/namespaces/create-namespace";
import { deleteNamespace } from "@/lib/namespaces/delete-namespace";
import { createSecret } from "@/lib/secrets/create-secret";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { purgeSecret, restoreSecret } from "@/lib/secrets/deleted-secrets";
import { revealSecret } from "@/lib/secrets/reveal-secret";
import { rollbackSecret } from "@/lib/secrets/rollback-secret";
import { applyManifest } from "@/lib/secrets/apply-manifest";
import { parseManifest } from "@/lib/secrets/kubernetes/parse-manifest";
import { rotateSecret } from "@/lib/secrets/rotate-secret";
import { updateSecretLabels } from "@/lib/secrets/update-secret-labels";
import { addBinding, removeBinding } from "@/lib/services/bindings";
import { createService, deleteService, updateService } from "@/lib/services/manage-services";
import { resolveServiceToken } from "@/lib/services/resolve-service-token";
import { fetchRuntimeSecrets } from "@/lib/services/runtime-secrets";
import { createServiceToken, revokeServiceToken } from "@/lib/services/service-tokens";
import { grantRole, revokeGrant } from "@/lib/team/grants";
import { acceptInvite, inviteMember, revokeInvite } from "@/lib/team/invites";
import { removeMember, setMemberDisabled } from "@/lib/team/members";
import { changeOwnPassword, issuePasswordReset, resetPassword } from "@/lib/team/passwords";
import { createRole, deleteRole, updateRole } from "@/lib/team/roles";
import { DAY_MS } from "@/lib/time";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { resolveAccessToken } from "@/lib/tokens/resolve-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { testContext } from "@/tests/support/factories";

// One checkpoint file for this file: the run's data directory is shared,
// and other files seal other databases' trees into theirs.
process.env.COFFER_DATA_DIR = join(mkdtempSync(join(tmpdir(), "coffer-coverage-")), "data");

// A permitted read writes no event (only a refused one does), and this
// run's owner is refused none.
const READS: AuditAction[] = [
  "secret.inspect",
  "secret.list",
  "service.inspect",
  "service.list",
  "member.list",
  "member.inspect",
  "invite.list",
  "role.list",
  "grant.list",
  "token.list",
  "integration.list",
  "key.status",
  "audit.list",
  "sso.mapping_list",
  "approval.list",
  "approval.policy_read",
];
// Written only where this run does not go.
const ELSEWHERE: AuditAction[] = [
  "key.rewrap_failed", // a key that fails to unwrap: lib/keys/rewrap-job.int.test.ts
  "audit.verified", // the background verify job: app/api/v1/audit/audit-api.int.test.ts
  "audit.legacy-chain-verified", // only databases with events from before the transparency log
  "integration.kms_usage", // a kube-apiserver's KMS calls, counted per minute: tests/http/kubernetes-kms.int.test.ts
  // TOTP enrollment, removal and its sign-in step: lib/auth/mfa/totp-mfa.int.test.ts
  "mfa.enroll",
  "mfa.confirm",
  "mfa.remove",
  "mfa.recovery_used",
  "mfa.failed",
  // Approvals, the two-person rule (issue 16 §3): lib/approvals/approvals.int.test.ts
  "approval.request",
  "approval.approve",
  "approval.deny",
  "approval.cancel",
  "approval.policy_update",
  // OIDC sign-in and its group mappings: lib/auth/oidc/*.int.test.ts
  "auth.sso_login",
  "auth.sso_refused",
  "sso.grant_add",
  "sso.grant_remove",
  "sso.mapping_create",
  "sso.mapping_delete",
  // Rotation policies and expiry (issue 18): tests/http/rotation.int.test.ts, lib/rotation/run-rotation.int.test.ts
  "secret.rotation_set",
  "secret.rotation_delete",
  "secret.rotation_failed",
  "secret.expiring",
  "secret.expiry_set",
];
// Every other action of the registry, so a new action is covered by default.
const EXPECTED_ACTIONS = AUDIT_ACTIONS.filter((action) => !READS.includes(action) && !ELSEWHERE.includes(action));

const PASSWORD = "correct horse battery";
const ctx = (ip: string) => ({ ...testContext, ip });

async function drain(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

async function peopleAndSignIn() {
  const token = (await issueSetupToken())!;
  const owner = await completeSetup({ token, email: "own@example.com", name: "Own", password: PASSWORD }, testContext);
  const session = await signIn({ email: "own@example.com", password: PASSWORD }, ctx("198.51.100.1"));
  for (let i = 0; i < 5; i++) await signIn({ email: "own@example.com", password: "wrong" }, ctx("198.51.100.2")).catch(() => undefined);
  const actor = (await actorForSession(session.sessionId, testContext))!;
  await endSession(actor);
  return userActor(owner, testContext);
}

async function team(owner: ReturnType<typeof userActor>) {
  await createNamespace(owner, { name: "qa" });
  const invite = await inviteMember(owner, { email: "new@example.com", role: "viewer", namespace: "qa" });
  const member = await acceptInvite({ token: invite.token, name: "New", password: PASSWORD }, testContext);
  await revokeInvite(owner, (await inviteMember(owner, { email: "other@example.com", role: "viewer" })).id);
  const memberActor = userActor(member, testContext);
  await changeOwnPassword(memberActor, { currentPassword: PASSWORD, password: `${PASSWORD}!` });
  const reset = await issuePasswordReset(owner, member.id);
  await resetPassword({ token: reset.token, password: `${PASSWORD}?` }, testContext);
  await createRole(owner, { name: "reader", permissions: ["secret:list"] });
  await updateRole(owner, "reader", { description: "reads" });
  const grant = await grantRole(owner, { userId: member.id, role: "reader", namespace: "qa" });
  await revokeGrant(owner, grant.id);
  await deleteRole(owner, "reader");
  await setMemberDisabled(owner, member.id, true);
  await setMemberDisabled(owner, member.id, false);
  await removeMember(owner, member.id);
  await deleteNamespace(owner, "qa");
  const personal = await createAccessToken(owner, { name: "cli" });
  await revokeAccessToken(owner, personal.id);
  await resolveAccessToken(personal.token, testContext).catch(() => undefined);
}

async function secretsAndServices(owner: ReturnType<typeof userActor>) {
  await createSecret(owner, "default", { name: "db_pw", stringData: { value: "one" } });
  await rotateSecret(owner, "default", "db_pw", { stringData: { value: "two" } });
  await rollbackSecret(owner, "default", "db_pw", { version: 1 });
  await updateSecretLabels(owner, "default", "db_pw", { labels: { env: "prod" } });
  await applyManifest(
    owner,
    "default",
    parseManifest('{"apiVersion":"v1","kind":"Secret","metadata":{"name":"applied"},"stringData":{"a":"b"}}', "json", "default"),
  );
  const tokenOwner = { ...owner, token: { id: "t", scopes: [] } };
  await revealSecret(tokenOwner, "default", "db_pw");
  await createService(owner, "default", { name: "api" });
  await updateService(owner, "default", "api", { description: "the api" });
  await addBinding(owner, "default", "api", { secret: "db_pw" });
  const serviceToken = await createServiceToken(owner, "default", "api", {});
  await fetchRuntimeSecrets(await resolveServiceToken(serviceToken.token, testContext), null);
  await revokeServiceToken(owner, "default", "api", serviceToken.id);
  await resolveServiceToken(serviceToken.token, testContext).catch(() => undefined);
  const swarm = await createIntegration(owner, "default", { kind: "docker-swarm", name: "swarm" });
  await deliverDockerSecret(await resolveIntegrationToken(swarm.token, testContext, "docker-swarm"), {
    SecretName: "db_pw",
    ServiceName: "api",
  });
  await revokeIntegration(owner, "default", swarm.id);
  await resolveIntegrationToken(swarm.token, testContext, "docker-swarm").catch(() => undefined);
  const apiserver = await createIntegration(owner, "default", { kind: "kubernetes-kms", name: "apiserver" });
  await renewIntegrationToken(owner, "default", apiserver.id, {});
  await removeBinding(owner, "default", "api", "db_pw");
  await deleteService(owner, "default", "api");
  await deleteSecret(owner, "default", "db_pw");
  await restoreSecret(owner, "default", "db_pw");
  await deleteSecret(owner, "default", "db_pw");
  await purgeSecret(owner, "default", "db_pw");
}

async function keysAndAudit(owner: ReturnType<typeof userActor>) {
  await createSecret(owner, "default", { name: "keyed", stringData: { value: "x" } });
  await startRewrap(owner).catch(() => undefined);
  await cancelRewrap(owner).catch(() => undefined);
  // With one key nothing needs re-wrapping; the job still starts, runs and ends.
  await startRewrap(owner).catch(() => undefined);
  while (await runNextJob("coverage-worker"));
  await drain(await exportAuditEvents(owner, {}, "jsonl"));
  await sealPending("test");
  await verifyAuditLogNow(owner);
  // Retention archives sealed events only: the verify request's own is not yet.
  await db.$transaction((tx) => archiveBatch(tx, { now: new Date(Date.now() + 30 * DAY_MS), days: 1 }));
}

describe("audit coverage", () => {
  it("records every action of the registry, and the log still verifies", async () => {
    const owner = await peopleAndSignIn();
    await team(owner);
    await secretsAndServices(owner);
    await keysAndAudit(owner);
    // A denial too: a viewer-less system has none yet, so provoke one.
    const outsider = userActor(
      await db.user.create({ data: { id: "usr_outsider", email: "out@example.com", name: "Out", passwordHash: "x" } }),
      testContext,
    );
    await createNamespace(outsider, { name: "nope" }).catch(() => undefined);

    const actions = new Set((await db.auditEvent.findMany({ select: { action: true } })).map((e) => e.action));
    // archiveBatch archived the sealed events; their archive files hold them.
    const anchors = await db.auditEvent.findMany({ where: { action: "audit.archived" }, select: { details: true } });
    expect(anchors.length).toBeGreaterThan(0);
    for (const anchor of anchors) {
      const file = (anchor.details as { file: string }).file;
      for (const line of readFileSync(file, "utf8").trim().split("\n")) actions.add(JSON.parse(line).action);
    }
    const missing = EXPECTED_ACTIONS.filter((action) => !actions.has(action));
    expect(missing, `actions missing from the audit trail: ${missing.join(", ")}`).toEqual([]);
    expect(await db.auditEvent.count({ where: { outcome: "denied", actorId: outsider.id } })).toBe(1);
    await sealPending("test");
    expect(await verifyAuditLog()).toMatchObject({ ok: true, unsealed: 0, archived: expect.any(Number) });
  });
});
