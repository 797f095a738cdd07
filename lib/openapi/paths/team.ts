// Members, invites, password resets, roles and grants.
import { z } from "zod";
import { grantSchema as grantInput } from "../../team/grants";
import { acceptSchema, inviteSchema } from "../../team/invites";
import { checkSchema, resetSchema } from "../../team/passwords";
import { roleSchema, roleUpdateSchema } from "../../team/roles";
import {
  grantListingSchema,
  grantSchema,
  inviteInfoSchema,
  issuedPasswordResetSchema,
  memberSchema,
  newInviteSchema,
  newUserSchema,
  passwordResetLinkSchema,
  roleInfoSchema,
} from "../../team/team-dto.schema";
import { accessTokenInfoSchema } from "../../tokens/access-token-dto.schema";
import { pageQuerySchema } from "../../db/keyset-cursor";
import { answer, component, id, name, pathParameter, queryOf, type Operation } from "../operation";

const Member = component("Member", memberSchema);
const Role = component("Role", roleInfoSchema);
export const NewUser = component("NewUser", newUserSchema);

// The route checks this field by hand (there is one), not with a zod schema of lib.
const memberUpdate = z.object({ disabled: z.boolean() });

export const teamOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/users",
    auth: "bearer",
    summary: "Members with their grants (member:list)",
    parameters: queryOf(pageQuerySchema),
    responses: {
      200: answer(
        "one page of members by email; follow nextCursor (null on the last page)",
        component("MemberList", z.object({ users: z.array(memberSchema), nextCursor: z.string().nullable() })),
      ),
    },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/users/{id}",
    auth: "bearer",
    summary: "One member (member:list)",
    parameters: [id],
    responses: { 200: answer("the member", Member) },
    errors: [401, 403, 404],
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    auth: "bearer",
    summary: "Disable or enable (member:manage); the last owner cannot be disabled",
    parameters: [id],
    body: component("MemberUpdate", memberUpdate),
    responses: { 200: answer("the member", Member) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}",
    auth: "bearer",
    summary: "Remove a member (member:manage); the last owner cannot be removed",
    parameters: [id],
    responses: { 204: { description: "removed" } },
    errors: [401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/users/{id}/password-reset",
    auth: "bearer",
    summary: "Issue a one-time password-reset token (member:manage)",
    parameters: [id],
    responses: { 201: answer("token, shown once", component("IssuedPasswordReset", issuedPasswordResetSchema)) },
    errors: [401, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}/mfa",
    auth: "bearer",
    summary:
      "Reset a member's lost second factor: removes their TOTP, recovery codes and passkeys and ends their sessions (member:manage; only owners act on owners, and the caller must hold every permission the member holds; not on oneself)",
    parameters: [id],
    responses: { 204: { description: "removed" } },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/users/{id}/tokens",
    auth: "bearer",
    summary: "A member's personal API tokens, metadata only (member:list)",
    parameters: [id],
    responses: { 200: answer("tokens", component("AccessTokenList", z.object({ tokens: z.array(accessTokenInfoSchema) }))) },
    errors: [401, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}/tokens/{tokenId}",
    auth: "bearer",
    summary:
      "Revoke a member's API token (member:manage; only owners act on owners, and the caller must hold every permission the member holds)",
    parameters: [id, pathParameter("tokenId")],
    responses: { 204: { description: "revoked" } },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/password-reset/check",
    auth: "public",
    summary: "Check a reset token before use; writes nothing",
    body: component("PasswordResetCheck", checkSchema),
    responses: { 200: answer("the account the link is for", component("PasswordResetLink", passwordResetLinkSchema)) },
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/api/v1/password-reset",
    auth: "public",
    summary: "Set a new password with a reset token",
    body: component("PasswordReset", resetSchema),
    responses: { 204: { description: "changed" } },
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/invites",
    auth: "bearer",
    summary: "Invites (member:list)",
    responses: { 200: answer("invites", component("InviteList", z.object({ invites: z.array(inviteInfoSchema) }))) },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/invites",
    auth: "bearer",
    summary: "Invite a member (member:manage); the token is shown once",
    body: component("InviteCreate", inviteSchema),
    responses: { 201: answer("the invite with its token", component("NewInvite", newInviteSchema)) },
    errors: [400, 401, 403, 409],
  },
  {
    method: "delete",
    path: "/api/v1/invites/{id}",
    auth: "bearer",
    summary: "Revoke an invite (member:manage)",
    parameters: [id],
    responses: { 204: { description: "revoked" } },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/invites/accept",
    auth: "public",
    summary: "Accept an invite: set name and password",
    body: component("InviteAccept", acceptSchema),
    responses: { 201: answer("member created", NewUser) },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/roles",
    auth: "bearer",
    summary: "Built-in and custom roles (member:list)",
    responses: { 200: answer("roles", component("RoleList", z.object({ roles: z.array(roleInfoSchema) }))) },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/roles",
    auth: "bearer",
    summary: "Create a custom role (role:manage)",
    body: component("RoleCreate", roleSchema),
    responses: { 201: answer("created", Role) },
    errors: [400, 401, 403, 409],
  },
  {
    method: "patch",
    path: "/api/v1/roles/{name}",
    auth: "bearer",
    summary: "Change a custom role (role:manage); `requireSecondFactor` (owners only) is the one field a built-in role accepts",
    parameters: [name],
    body: component("RoleUpdate", roleUpdateSchema),
    responses: { 200: answer("changed", Role) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/roles/{name}",
    auth: "bearer",
    summary: "Delete a custom role not in use (role:manage); 409 names its members",
    parameters: [name],
    responses: { 204: { description: "deleted" } },
    errors: [401, 403, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/role-bindings",
    auth: "bearer",
    summary: "Every grant (member:list)",
    responses: { 200: answer("grants", component("GrantList", z.object({ roleBindings: z.array(grantListingSchema) }))) },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/role-bindings",
    auth: "bearer",
    summary: "Grant a role for one namespace or all (member:manage)",
    body: component("GrantCreate", grantInput),
    responses: { 201: answer("granted", component("Grant", grantSchema)) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/role-bindings/{id}",
    auth: "bearer",
    summary: "Revoke a grant (member:manage); the last owner keeps theirs",
    parameters: [id],
    responses: { 204: { description: "revoked" } },
    errors: [401, 403, 404, 409],
  },
];
