// Regression: an admin could take over an owner by a password reset
// (issue the link, use it, sign in as the owner, reveal values), and disable
// or remove owners. Acting on a member needs owner to act on an owner, and
// every permission the member holds, scope by scope.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";
import * as resetRoute from "../password-reset/route";
import * as grantRoute from "../role-bindings/[id]/route";
import * as grantsRoute from "../role-bindings/route";
import * as roleRoute from "../roles/[name]/route";
import * as rolesRoute from "../roles/route";
import * as userResetRoute from "./[id]/password-reset/route";
import * as userRoute from "./[id]/route";
import * as tokenRoute from "./[id]/tokens/[tokenId]/route";
import * as tokensRoute from "./[id]/tokens/route";

type Person = { id: string; email: string; token: string };

async function person(email: string, grants: { role: string; namespace?: string }[]): Promise<Person> {
  const { user } = await createUser(email, grants);
  return { id: user.id, email, token: await personalToken(user.id) };
}

let owner: Person;
let owner2: Person;
let admin: Person;

beforeAll(async () => {
  await ensureNamespace("prod");
  await ensureNamespace("staging");
  await db.role.create({
    data: { id: "role_prod-revealer", name: "prod-revealer", permissions: ["secret:list", "secret:inspect", "secret:reveal"] },
  });
  await db.role.create({ data: { id: "role_manager", name: "manager", permissions: ["member:list", "member:manage"] } });
  owner = await person("owner@example.com", [{ role: "owner" }]);
  owner2 = await person("owner2@example.com", [{ role: "owner" }]);
  admin = await person("admin@example.com", [{ role: "admin" }]);
});

const denials = (resourceId: string) =>
  db.auditEvent.findMany({
    where: { outcome: "denied", resourceId },
    select: { action: true, resourceType: true, details: true, actorLabel: true },
  });

describe("acting on another member", () => {
  it("refuses the takeover path: an admin's reset link for an owner is a 403, audited, and no link exists", async () => {
    const before = await db.passwordReset.count();
    const issued = await call(userResetRoute.POST, { token: admin.token, params: { id: owner.id } });
    expect(issued.status).toBe(403);
    expect(issued.body.error.message).toBe("you cannot reset the password of owner@example.com: only owners act on owners");
    expect(await db.passwordReset.count()).toBe(before);
    expect(await denials(owner.id)).toEqual([
      {
        action: "member.password_reset_issue",
        resourceType: "user",
        actorLabel: "admin@example.com",
        details: { reason: issued.body.error.message },
      },
    ]);
    expect(await db.auditEvent.count({ where: { action: "member.password_reset_issue", outcome: "success" } })).toBe(0);
  });

  it("refuses an admin every other way of acting on an owner", async () => {
    const ownerGrant = await db.roleBinding.findFirstOrThrow({ where: { userId: owner2.id } });
    const ownerToken = await db.accessToken.findFirstOrThrow({ where: { userId: owner2.id } });
    const attempts = [
      [
        "disable",
        await call(userRoute.PATCH, { token: admin.token, params: { id: owner2.id }, method: "PATCH", body: { disabled: true } }),
      ],
      ["remove", await call(userRoute.DELETE, { token: admin.token, params: { id: owner2.id }, method: "DELETE" })],
      ["revoke a grant of", await call(grantRoute.DELETE, { token: admin.token, params: { id: ownerGrant.id }, method: "DELETE" })],
      [
        "grant a role to",
        await call(grantsRoute.POST, { token: admin.token, body: { userId: owner2.id, role: "viewer", namespace: "staging" } }),
      ],
      ["list the API tokens of", await call(tokensRoute.GET, { token: admin.token, params: { id: owner2.id } })],
      [
        "revoke an API token of",
        await call(tokenRoute.DELETE, { token: admin.token, params: { id: owner2.id, tokenId: ownerToken.id }, method: "DELETE" }),
      ],
    ] as const;
    for (const [what, response] of attempts) {
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(`you cannot ${what} owner2@example.com: only owners act on owners`);
    }
    expect(await denials(owner2.id)).toHaveLength(attempts.length);
    const after = await db.user.findUniqueOrThrow({ where: { id: owner2.id }, include: { roleBindings: true, accessTokens: true } });
    expect(after.disabled).toBe(false);
    expect(after.roleBindings).toHaveLength(1);
    expect(after.accessTokens.every((t) => t.revokedAt === null)).toBe(true);
  });

  it("refuses an admin a disabled owner's enabling", async () => {
    const { user } = await createUser("dormant-owner@example.com", [{ role: "owner" }], { disabled: true });
    const response = await call(userRoute.PATCH, {
      token: admin.token,
      params: { id: user.id },
      method: "PATCH",
      body: { disabled: false },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe("you cannot enable dormant-owner@example.com: only owners act on owners");
  });

  it("refuses an admin a member who holds, in one namespace, what the admin lacks there", async () => {
    const target = await person("prod-editor@example.com", [
      { role: "editor", namespace: "prod" },
      { role: "prod-revealer", namespace: "prod" },
    ]);
    const response = await call(userResetRoute.POST, { token: admin.token, params: { id: target.id } });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      "you cannot reset the password of prod-editor@example.com: they hold secret:reveal in namespace prod, which you do not",
    );
    expect(await denials(target.id)).toHaveLength(1);
    // Without the extra role, the admin covers an editor in prod.
    await db.roleBinding.deleteMany({ where: { userId: target.id, roleId: "role_prod-revealer" } });
    expect((await call(userResetRoute.POST, { token: admin.token, params: { id: target.id } })).status).toBe(201);
  });

  it("compares scope by scope: what the actor holds in one namespace does not cover another", async () => {
    const manager = await person("manager@example.com", [{ role: "manager" }, { role: "editor", namespace: "staging" }]);
    const inStaging = await person("staging-editor@example.com", [{ role: "editor", namespace: "staging" }]);
    const inProd = await person("editor-in-prod@example.com", [{ role: "editor", namespace: "prod" }]);
    const globalViewer = await person("global-viewer@example.com", [{ role: "viewer" }]);
    expect(
      (await call(userRoute.PATCH, { token: manager.token, params: { id: inStaging.id }, method: "PATCH", body: { disabled: true } }))
        .status,
    ).toBe(200);
    const prod = await call(userRoute.PATCH, {
      token: manager.token,
      params: { id: inProd.id },
      method: "PATCH",
      body: { disabled: true },
    });
    expect(prod.status).toBe(403);
    expect(prod.body.error.message).toMatch(
      /^you cannot disable editor-in-prod@example\.com: they hold secret:\w+ in namespace prod, which you do not$/,
    );
    const global = await call(userRoute.PATCH, {
      token: manager.token,
      params: { id: globalViewer.id },
      method: "PATCH",
      body: { disabled: true },
    });
    expect(global.status).toBe(403);
    expect(global.body.error.message).toMatch(/^you cannot disable global-viewer@example\.com: they hold \S+, which you do not$/);
  });

  it("lets an owner act on another owner", async () => {
    const extra = await person("owner3@example.com", [{ role: "owner" }]);
    const issued = await call(userResetRoute.POST, { token: owner.token, params: { id: extra.id } });
    expect(issued.status).toBe(201);
    expect((await call(resetRoute.POST, { body: { token: issued.body.token, password: "an owner-approved password" } })).status).toBe(204);
    expect(
      (await call(userRoute.PATCH, { token: owner.token, params: { id: extra.id }, method: "PATCH", body: { disabled: true } })).status,
    ).toBe(200);
    expect(
      (await call(userRoute.PATCH, { token: owner.token, params: { id: extra.id }, method: "PATCH", body: { disabled: false } })).status,
    ).toBe(200);
    expect((await call(tokensRoute.GET, { token: owner.token, params: { id: extra.id } })).status).toBe(200);
    expect((await call(userRoute.DELETE, { token: owner.token, params: { id: extra.id }, method: "DELETE" })).status).toBe(204);
  });

  it("voids a reset link whose issuer can no longer act on the member (they became owner since)", async () => {
    const target = await person("rising@example.com", [{ role: "viewer" }]);
    const issued = await call(userResetRoute.POST, { token: admin.token, params: { id: target.id } });
    expect(issued.status).toBe(201);
    expect((await call(grantsRoute.POST, { token: owner.token, body: { userId: target.id, role: "owner" } })).status).toBe(201);
    const used = await call(resetRoute.POST, { body: { token: issued.body.token, password: "a takeover password" } });
    expect(used.status).toBe(404);
    expect(used.body.error.message).toBe("this reset link is not valid or has expired");
  });

  it("a scoped token narrows what its owner can act on", async () => {
    const narrow = await personalToken(owner.id, ["member:manage"]);
    const target = await person("scoped-target@example.com", [{ role: "viewer" }]);
    const response = await call(userRoute.PATCH, { token: narrow, params: { id: target.id }, method: "PATCH", body: { disabled: true } });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/they hold \S+, which you do not$/);
  });

  it("role edits need every permission of the role, before and after", async () => {
    expect(
      (await call(rolesRoute.POST, { token: owner.token, body: { name: "revealer", permissions: ["secret:list", "secret:reveal"] } }))
        .status,
    ).toBe(201);
    const strip = await call(roleRoute.PATCH, {
      token: admin.token,
      params: { name: "revealer" },
      method: "PATCH",
      body: { permissions: ["secret:list"] },
    });
    expect(strip.status).toBe(403);
    expect(strip.body.error.message).toBe("you cannot change role 'revealer': it holds 'secret:reveal', which you do not");
    const remove = await call(roleRoute.DELETE, { token: admin.token, params: { name: "revealer" }, method: "DELETE" });
    expect(remove.status).toBe(403);
    expect(remove.body.error.message).toBe("you cannot delete role 'revealer': it holds 'secret:reveal', which you do not");
    expect(await db.auditEvent.count({ where: { action: { in: ["role.update", "role.delete"] }, outcome: "denied" } })).toBe(2);
    expect((await db.role.findUniqueOrThrow({ where: { name: "revealer" } })).permissions).toEqual(["secret:list", "secret:reveal"]);
    // An admin still edits a role within their reach.
    expect((await call(rolesRoute.POST, { token: admin.token, body: { name: "lister", permissions: ["secret:list"] } })).status).toBe(201);
    expect(
      (
        await call(roleRoute.PATCH, {
          token: admin.token,
          params: { name: "lister" },
          method: "PATCH",
          body: { permissions: ["secret:list", "secret:inspect"] },
        })
      ).status,
    ).toBe(200);
    expect((await call(roleRoute.DELETE, { token: admin.token, params: { name: "lister" }, method: "DELETE" })).status).toBe(204);
  });
});
