import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { auditActions, createUser, ensureNamespace, testContext } from "@/tests/support/factories";
import { actorForSession } from "../session";
import { signIn } from "../sign-in";
import { createGroupMapping } from "./group-mappings";
import { signInWithOidc } from "./sign-in-with-oidc";
import { SSO_REFUSALS } from "./sso-refusal";

// config() is read once per process; these tests vary the SSO settings.
const overrides = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock("@/lib/config/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/config/env")>();
  return { ...actual, config: () => ({ ...actual.config(), ...overrides }) };
});

const SSO_ON = {
  COFFER_OIDC_ISSUER: "http://127.0.0.1:9/issuer",
  COFFER_OIDC_CLIENT_ID: "coffer",
  COFFER_OIDC_CLIENT_SECRET: "client-secret",
  COFFER_OIDC_ALLOW_SIGNUP: false,
};

const claims = (email: string, extra: Record<string, unknown> = {}) => ({
  sub: `sub-${email}`,
  email,
  email_verified: true,
  name: "Pat",
  ...extra,
});

async function grantsOf(userId: string) {
  const rows = await db.roleBinding.findMany({ where: { userId }, include: { role: true, namespace: true, oidcGrant: true } });
  return rows.map((r) => `${r.role.name}@${r.namespace?.name ?? "all"}${r.oidcGrant ? " (sso)" : ""}`).sort();
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected the SSO sign-in to be refused");
    },
    (error: unknown) => error as Error & { code?: string },
  );
}

beforeEach(() => {
  for (const key of Object.keys(overrides)) delete overrides[key];
  Object.assign(overrides, SSO_ON);
});

describe("OIDC account linking", () => {
  it("links a verified email to the existing user and opens a session as the password sign-in does", async () => {
    const { user } = await createUser("pat1@example.com");
    const signedIn = await signInWithOidc(claims("PAT1@example.com"), testContext);
    expect(signedIn).toMatchObject({ userId: user.id, email: "pat1@example.com" });
    expect(await actorForSession(signedIn.sessionId, testContext)).toMatchObject({ type: "user", id: user.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sso_login", actorId: user.id } });
    expect(event).toMatchObject({ outcome: "success", actorId: user.id });
    expect(event.details).toMatchObject({ issuer: SSO_ON.COFFER_OIDC_ISSUER, created: false });
  });

  it("refuses an email the provider did not verify, and audits it", async () => {
    await createUser("eve2@example.com");
    const error = await refusal(signInWithOidc(claims("eve2@example.com", { email_verified: false }), testContext));
    expect(error.message).toBe(SSO_REFUSALS.email_unverified);
    expect(await db.session.count({ where: { user: { email: "eve2@example.com" } } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sso_refused", actorLabel: "eve2@example.com" } });
    expect(event).toMatchObject({ outcome: "denied", actorLabel: "eve2@example.com" });
    expect(event.details).toEqual({ reason: "email_unverified" });
  });

  it("refuses an unknown email unless sign-up is on, then creates a user without a usable password", async () => {
    const error = await refusal(signInWithOidc(claims("new3@example.com"), testContext));
    expect(error.message).toBe(SSO_REFUSALS.no_account);
    expect(await db.user.count({ where: { email: "new3@example.com" } })).toBe(0);
    expect((await auditActions()).at(-1)).toMatchObject({ action: "auth.sso_refused", outcome: "denied" });

    overrides.COFFER_OIDC_ALLOW_SIGNUP = true;
    const signedIn = await signInWithOidc(claims("new3@example.com", { name: "New Person" }), testContext);
    const user = await db.user.findUniqueOrThrow({ where: { email: "new3@example.com" } });
    expect(user).toMatchObject({ id: signedIn.userId, name: "New Person", disabled: false });
    expect(await grantsOf(user.id)).toEqual([]);
    // No password matches the hash it was given, not even an empty one.
    await expect(signIn({ email: "new3@example.com", password: "x" }, { ...testContext, ip: "198.51.100.9" })).rejects.toThrow();
  });

  it("refuses a disabled user", async () => {
    await createUser("gone4@example.com", [], { disabled: true });
    const error = await refusal(signInWithOidc(claims("gone4@example.com"), testContext));
    expect(error.code).toBe("disabled");
    expect(await db.session.count({ where: { user: { email: "gone4@example.com" } } })).toBe(0);
  });
});

describe("group → role mappings at sign-in", () => {
  it("adds what the groups map to, removes what they no longer do, and never touches hand grants", async () => {
    const { actor: owner } = await createUser("owner5@example.com", [{ role: "owner" }]);
    await ensureNamespace("prod");
    await createGroupMapping(owner, { group: "platform", role: "editor", namespace: "prod" });
    const { user } = await createUser("pat5@example.com", [{ role: "viewer", namespace: "default" }]);

    await signInWithOidc(claims("pat5@example.com", { groups: ["platform", "unmapped"] }), testContext);
    expect(await grantsOf(user.id)).toEqual(["editor@prod (sso)", "viewer@default"]);
    const added = await db.auditEvent.findFirstOrThrow({ where: { action: "sso.grant_add", actorId: user.id } });
    expect(added).toMatchObject({ actorId: user.id, namespace: "prod" });
    expect(added.details).toMatchObject({ role: "editor", scope: "prod", group: "platform" });

    // Signing in again with the same groups changes nothing.
    await signInWithOidc(claims("pat5@example.com", { groups: ["platform"] }), testContext);
    expect(await db.auditEvent.count({ where: { action: { in: ["sso.grant_add", "sso.grant_remove"] }, actorId: user.id } })).toBe(1);

    await signInWithOidc(claims("pat5@example.com", { groups: [] }), testContext);
    expect(await grantsOf(user.id)).toEqual(["viewer@default"]);
    const removed = await db.auditEvent.findFirstOrThrow({ where: { action: "sso.grant_remove", actorId: user.id } });
    expect(removed.details).toMatchObject({ role: "editor", scope: "prod" });
  });

  it("keeps a hand grant of the same role and scope, and never marks it as the mapping's", async () => {
    const { actor: owner } = await createUser("owner6@example.com", [{ role: "owner" }]);
    await ensureNamespace("prod");
    await createGroupMapping(owner, { group: "platform-6", role: "editor", namespace: "prod" });
    const { user } = await createUser("pat6@example.com", [{ role: "editor", namespace: "prod" }]);
    await signInWithOidc(claims("pat6@example.com", { groups: ["platform-6"] }), testContext);
    await signInWithOidc(claims("pat6@example.com", { groups: [] }), testContext);
    expect(await grantsOf(user.id)).toEqual(["editor@prod"]);
  });

  it("reads the groups from COFFER_OIDC_GROUPS_CLAIM", async () => {
    const { actor: owner } = await createUser("owner7@example.com", [{ role: "owner" }]);
    await createGroupMapping(owner, { group: "auditors", role: "auditor", namespace: null });
    const { user } = await createUser("pat7@example.com");
    overrides.COFFER_OIDC_GROUPS_CLAIM = "roles";
    await signInWithOidc(claims("pat7@example.com", { groups: ["auditors"] }), testContext);
    expect(await grantsOf(user.id)).toEqual([]);
    await signInWithOidc(claims("pat7@example.com", { roles: "auditors" }), testContext);
    expect(await grantsOf(user.id)).toEqual(["auditor@all (sso)"]);
  });
});

describe("who may map a group (an attacker's view)", () => {
  it("lets only a global owner map a group to owner, and an admin nothing they do not hold", async () => {
    const { actor: admin } = await createUser("admin8@example.com", [{ role: "admin" }]);
    await createUser("owner8@example.com", [{ role: "owner" }]);
    await expect(createGroupMapping(admin, { group: "everyone", role: "owner" })).rejects.toThrow(/only a global owner/);
    // deployer binds secrets to services, which admin does not hold.
    await expect(createGroupMapping(admin, { group: "everyone", role: "deployer", namespace: "default" })).rejects.toThrow(
      /you do not hold secret:bind/,
    );
    expect(await db.oidcGroupMapping.count({ where: { group: "everyone" } })).toBe(0);
    const denials = await db.auditEvent.findMany({ where: { action: "sso.mapping_create", outcome: "denied", actorId: admin.id } });
    expect(denials).toHaveLength(2);
  });

  it("gives owner only while the mapping's maker is still a global owner", async () => {
    const { actor: owner, user: maker } = await createUser("owner9@example.com", [{ role: "owner" }]);
    await createUser("second-owner9@example.com", [{ role: "owner" }]);
    const mapping = await createGroupMapping(owner, { group: "root", role: "owner" });
    expect(mapping).toMatchObject({ group: "root", role: "owner", namespace: null, createdBy: "owner9@example.com" });
    const { user } = await createUser("pat9@example.com");
    await signInWithOidc(claims("pat9@example.com", { groups: ["root"] }), testContext);
    expect(await grantsOf(user.id)).toEqual(["owner@all (sso)"]);

    // The maker is demoted: the mapping gives nothing any more, and takes back what it gave.
    await db.roleBinding.deleteMany({ where: { userId: maker.id } });
    await signInWithOidc(claims("pat9@example.com", { groups: ["root"] }), testContext);
    expect(await grantsOf(user.id)).toEqual([]);
  });

  it("refuses mapping changes to a viewer and to a namespace owner", async () => {
    const { actor: viewer } = await createUser("viv10@example.com", [{ role: "viewer" }]);
    await expect(createGroupMapping(viewer, { group: "g", role: "viewer" })).rejects.toThrow("permission member:manage required");
    const { actor: nsOwner } = await createUser("nso10@example.com", [{ role: "owner", namespace: "default" }]);
    await expect(createGroupMapping(nsOwner, { group: "g", role: "viewer", namespace: "default" })).rejects.toThrow(
      "permission member:manage required",
    );
  });
});
