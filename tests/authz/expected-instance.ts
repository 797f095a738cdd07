// Hand-written: what each built-in role may do instance-wide. Columns:
// granted globally · granted in `default` · granted only in `other`.
// Instance-wide permissions count only when granted globally, so a
// namespace grant of any role is refused here (403) except for the routes
// any signed-in member may call.
import type { Rows } from "./expected-rows";

const anyMember = {
  owner: "200 200 200",
  admin: "200 200 200",
  editor: "200 200 200",
  operator: "200 200 200",
  viewer: "200 200 200",
  auditor: "200 200 200",
  deployer: "200 200 200",
};

/** Any signed-in member, answered with `ok`: their own account's routes. */
const anyMemberWith = (ok: number) => {
  const all = `${ok} ${ok} ${ok}`;
  return { owner: all, admin: all, editor: all, operator: all, viewer: all, auditor: all, deployer: all };
};

/** member:list, audit:read or audit:export (global): owner, admin, auditor. */
const readers = (ok: number) => ({
  owner: `${ok} 403 403`,
  admin: `${ok} 403 403`,
  editor: "403 403 403",
  operator: "403 403 403",
  viewer: "403 403 403",
  auditor: `${ok} 403 403`,
  deployer: "403 403 403",
});

/** member:manage, role:manage, key:manage or namespace:manage (global): owner, admin. */
const managers = (ok: number) => ({
  owner: `${ok} 403 403`,
  admin: `${ok} 403 403`,
  editor: "403 403 403",
  operator: "403 403 403",
  viewer: "403 403 403",
  auditor: "403 403 403",
  deployer: "403 403 403",
});

export const INSTANCE: Rows = {
  // Authenticated only: a member sees their own grants without member:list.
  "GET /api/v1/me": anyMember,
  "GET /api/v1/namespaces": anyMember,
  // One's own second factor (issue 16).
  "GET /api/v1/me/mfa/totp": anyMember,
  "POST /api/v1/me/mfa/totp": anyMemberWith(201),
  "POST /api/v1/me/mfa/totp/confirm": anyMember,
  "DELETE /api/v1/me/mfa/totp": anyMemberWith(204),
  "GET /api/v1/me/mfa/passkeys": anyMember,
  "POST /api/v1/me/mfa/passkeys/options": anyMember,
  "POST /api/v1/me/mfa/passkeys": anyMemberWith(201),
  "DELETE /api/v1/me/mfa/passkeys/{id}": anyMemberWith(204),

  // namespace:manage
  "POST /api/v1/namespaces": managers(201),
  "DELETE /api/v1/namespaces/{ns}": managers(204),

  // key:manage
  "GET /api/v1/encryption": managers(200),
  "POST /api/v1/encryption": managers(202),

  // audit:read
  "GET /api/v1/audit": readers(200),
  "GET /api/v1/audit/stats": readers(200),
  "GET /api/v1/audit/checkpoints/latest": readers(200),
  "GET /api/v1/audit/checkpoints/consistency": readers(200),
  "GET /api/v1/audit/events/{seq}/proof": readers(200),
  "GET /api/v1/audit/public-key": readers(200),
  "GET /api/v1/audit/verify": readers(200),
  "POST /api/v1/audit/verify": readers(200),
  // audit:export
  "GET /api/v1/audit/export": readers(200),

  // member:list
  "GET /api/v1/users": readers(200),
  "GET /api/v1/users/{id}": readers(200),
  "GET /api/v1/invites": readers(200),
  "GET /api/v1/roles": readers(200),
  "GET /api/v1/role-bindings": readers(200),
  "GET /api/v1/sso/group-mappings": readers(200),
  // member:list + the acting-on-another-user rule (the target here holds nothing).
  "GET /api/v1/users/{id}/tokens": readers(200),

  // member:manage (+ the acting-on-another-user rule; the target here holds nothing).
  "PATCH /api/v1/users/{id}": managers(200),
  "DELETE /api/v1/users/{id}": managers(204),
  "POST /api/v1/users/{id}/password-reset": managers(201),
  "DELETE /api/v1/users/{id}/mfa": managers(204),
  "DELETE /api/v1/users/{id}/tokens/{tokenId}": managers(204),
  "POST /api/v1/invites": managers(201),
  "DELETE /api/v1/invites/{id}": managers(204),
  "POST /api/v1/role-bindings": managers(201),
  "DELETE /api/v1/role-bindings/{id}": managers(204),
  // member:manage, and the mapped role's permissions held in its scope.
  "POST /api/v1/sso/group-mappings": managers(201),
  "DELETE /api/v1/sso/group-mappings/{id}": managers(204),

  // role:manage (the roles here hold only what admin holds).
  "POST /api/v1/roles": managers(201),
  "PATCH /api/v1/roles/{name}": managers(200),
  "DELETE /api/v1/roles/{name}": managers(204),
};
