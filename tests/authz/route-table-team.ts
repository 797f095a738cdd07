// The team's routes: members, their tokens, invites, roles and grants.
import { inviteMember } from "@/lib/team/invites";
import { createGroupMapping } from "@/lib/auth/oidc/group-mappings";
import { grantRole } from "@/lib/team/grants";
import { createRole } from "@/lib/team/roles";
import { sealTotpSecret } from "@/lib/auth/mfa/totp-secret";
import { db } from "@/lib/db/client";
import { member, NS, system, tokenOf, unique } from "./fixtures";
import { v1, type RouteEntry } from "./route-table-entry";

/** A second factor for the member to lose: a pending TOTP enrollment is enough to reset. */
export async function pendingTotpOf(userId: string): Promise<void> {
  const sealed = await sealTotpSecret(userId, Buffer.from("matrix-reset-secret-20"));
  await db.mfaTotp.upsert({ where: { userId }, create: { userId, ...sealed }, update: { ...sealed, confirmedAt: null } });
}

export const TEAM_ROUTES: RouteEntry[] = [
  { method: "GET", path: "/api/v1/users", auth: "personal", ok: 200, file: `${v1}/users/route.ts` },
  {
    method: "GET",
    path: "/api/v1/users/{id}",
    auth: "personal",
    ok: 200,
    file: `${v1}/users/[id]/route.ts`,
    prepare: async () => ({ params: { id: await member() } }),
  },
  {
    method: "PATCH",
    path: "/api/v1/users/{id}",
    auth: "personal",
    ok: 200,
    file: `${v1}/users/[id]/route.ts`,
    prepare: async () => ({ params: { id: await member() }, body: { disabled: true } }),
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{id}",
    auth: "personal",
    ok: 204,
    file: `${v1}/users/[id]/route.ts`,
    prepare: async () => ({ params: { id: await member() } }),
  },
  {
    method: "POST",
    path: "/api/v1/users/{id}/password-reset",
    auth: "personal",
    ok: 201,
    file: `${v1}/users/[id]/password-reset/route.ts`,
    prepare: async () => ({ params: { id: await member() } }),
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{id}/mfa",
    auth: "personal",
    ok: 204,
    file: `${v1}/users/[id]/mfa/route.ts`,
    prepare: async () => {
      const id = await member();
      await pendingTotpOf(id);
      return { params: { id } };
    },
    after: async (_result, prepared) => {
      if (await db.mfaTotp.count({ where: { userId: String(prepared.params?.id) } })) throw new Error("the member's TOTP is still there");
    },
  },
  {
    method: "GET",
    path: "/api/v1/users/{id}/tokens",
    auth: "personal",
    ok: 200,
    file: `${v1}/users/[id]/tokens/route.ts`,
    prepare: async () => {
      const id = await member();
      await tokenOf(id);
      return { params: { id } };
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{id}/tokens/{tokenId}",
    auth: "personal",
    ok: 204,
    file: `${v1}/users/[id]/tokens/[tokenId]/route.ts`,
    prepare: async () => {
      const id = await member();
      return { params: { id, tokenId: await tokenOf(id) } };
    },
  },
  { method: "GET", path: "/api/v1/invites", auth: "personal", ok: 200, file: `${v1}/invites/route.ts` },
  {
    method: "POST",
    path: "/api/v1/invites",
    auth: "personal",
    ok: 201,
    file: `${v1}/invites/route.ts`,
    prepare: async () => ({ body: { email: `${unique("inv")}@example.com`, role: "viewer" } }),
  },
  {
    method: "DELETE",
    path: "/api/v1/invites/{id}",
    auth: "personal",
    ok: 204,
    file: `${v1}/invites/[id]/route.ts`,
    prepare: async () => ({ params: { id: (await inviteMember(system, { email: `${unique("inv")}@example.com`, role: "viewer" })).id } }),
  },
  { method: "GET", path: "/api/v1/roles", auth: "personal", ok: 200, file: `${v1}/roles/route.ts` },
  {
    method: "POST",
    path: "/api/v1/roles",
    auth: "personal",
    ok: 201,
    file: `${v1}/roles/route.ts`,
    prepare: async () => ({ body: { name: unique("r"), permissions: ["secret:list"] } }),
  },
  {
    method: "PATCH",
    path: "/api/v1/roles/{name}",
    auth: "personal",
    ok: 200,
    file: `${v1}/roles/[name]/route.ts`,
    prepare: async () => ({
      params: { name: (await createRole(system, { name: unique("r"), permissions: ["secret:list"] })).name },
      body: { description: "changed", permissions: ["secret:list", "secret:inspect"] },
    }),
  },
  {
    method: "DELETE",
    path: "/api/v1/roles/{name}",
    auth: "personal",
    ok: 204,
    file: `${v1}/roles/[name]/route.ts`,
    prepare: async () => ({ params: { name: (await createRole(system, { name: unique("r"), permissions: ["secret:list"] })).name } }),
  },
  { method: "GET", path: "/api/v1/role-bindings", auth: "personal", ok: 200, file: `${v1}/role-bindings/route.ts` },
  {
    method: "POST",
    path: "/api/v1/role-bindings",
    auth: "personal",
    ok: 201,
    file: `${v1}/role-bindings/route.ts`,
    prepare: async () => ({ body: { userId: await member(), role: "viewer", namespace: NS } }),
  },
  {
    method: "DELETE",
    path: "/api/v1/role-bindings/{id}",
    auth: "personal",
    ok: 204,
    file: `${v1}/role-bindings/[id]/route.ts`,
    prepare: async () => ({ params: { id: (await grantRole(system, { userId: await member(), role: "viewer", namespace: NS })).id } }),
  },
  // SSO group → role mappings (issue 16).
  { method: "GET", path: "/api/v1/sso/group-mappings", auth: "personal", ok: 200, file: `${v1}/sso/group-mappings/route.ts` },
  {
    method: "POST",
    path: "/api/v1/sso/group-mappings",
    auth: "personal",
    ok: 201,
    file: `${v1}/sso/group-mappings/route.ts`,
    prepare: async () => ({ body: { group: unique("grp"), role: "viewer", namespace: NS } }),
  },
  {
    method: "DELETE",
    path: "/api/v1/sso/group-mappings/{id}",
    auth: "personal",
    ok: 204,
    file: `${v1}/sso/group-mappings/[id]/route.ts`,
    prepare: async () => ({
      params: { id: (await createGroupMapping(system, { group: unique("grp"), role: "viewer", namespace: NS })).id },
    }),
  },
];
