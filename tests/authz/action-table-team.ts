// The team's actions: invites, members and their grants, namespaces, roles.
import { denied, type ActionEntry } from "./action-table-entry";

const members = "features/team/member-actions.ts";
const roles = "features/team/role-actions.ts";

export const TEAM_ACTIONS: ActionEntry[] = [
  {
    file: "features/team/invite-actions.ts",
    action: "inviteMemberAction",
    calls: "inviteMember",
    route: "POST /api/v1/invites",
    drive: denied({ email: "{newName}@example.com", role: "owner", namespace: "" }),
  },
  {
    file: "features/team/invite-actions.ts",
    action: "revokeInviteAction",
    calls: "revokeInvite",
    route: "DELETE /api/v1/invites/{id}",
    drive: denied({ id: "{inviteId}" }),
  },
  {
    file: members,
    action: "grantRoleAction",
    calls: "grantRole",
    route: "POST /api/v1/role-bindings",
    drive: denied({ userId: "{self}", role: "owner", namespace: "" }),
  },
  {
    file: "features/team/group-mapping-actions.ts",
    action: "createGroupMappingAction",
    calls: "createGroupMapping",
    route: "POST /api/v1/sso/group-mappings",
    drive: denied({ group: "authz-console", role: "viewer", namespace: "" }),
  },
  {
    file: "features/team/group-mapping-actions.ts",
    action: "deleteGroupMappingAction",
    calls: "deleteGroupMapping",
    route: "DELETE /api/v1/sso/group-mappings/{id}",
    drive: denied({ id: "gm_000000000000000000000000" }),
  },
  {
    file: members,
    action: "revokeGrantAction",
    calls: "revokeGrant",
    route: "DELETE /api/v1/role-bindings/{id}",
    drive: denied({ id: "{grantId}" }),
  },
  {
    file: members,
    action: "setDisabledAction",
    calls: "setMemberDisabled",
    route: "PATCH /api/v1/users/{id}",
    drive: denied({ userId: "{otherId}", disabled: "true" }),
  },
  {
    file: members,
    action: "issueResetLinkAction",
    calls: "issuePasswordReset",
    route: "POST /api/v1/users/{id}/password-reset",
    drive: denied({ userId: "{ownerId}" }),
  },
  {
    file: members,
    action: "resetSecondFactorAction",
    calls: "resetSecondFactor",
    route: "DELETE /api/v1/users/{id}/mfa",
    drive: denied({ userId: "{ownerId}" }),
  },
  {
    file: members,
    action: "revokeMemberTokenAction",
    calls: "revokeMemberAccessToken",
    route: "DELETE /api/v1/users/{id}/tokens/{tokenId}",
    drive: denied({ userId: "{ownerId}", tokenId: "{ownerTokenId}" }),
  },
  {
    file: members,
    action: "removeMemberAction",
    calls: "removeMember",
    route: "DELETE /api/v1/users/{id}",
    drive: denied({ userId: "{otherId}", confirm: "{otherEmail}" }),
  },
  {
    file: "features/team/namespace-actions.ts",
    action: "createNamespaceAction",
    calls: "createNamespace",
    route: "POST /api/v1/namespaces",
    drive: denied({ name: "{newName}" }),
  },
  {
    file: "features/team/namespace-actions.ts",
    action: "deleteNamespaceAction",
    calls: "deleteNamespace",
    route: "DELETE /api/v1/namespaces/{ns}",
    drive: denied({ name: "{namespace}" }),
  },
  {
    file: roles,
    action: "createRoleAction",
    calls: "createRole",
    route: "POST /api/v1/roles",
    drive: denied({ name: "{newName}", description: "", permissions: ["secret:list"] }),
  },
  {
    file: roles,
    action: "updateRoleAction",
    calls: "updateRole",
    route: "PATCH /api/v1/roles/{name}",
    drive: denied({ name: "{role}", description: "changed by a viewer", permissions: ["secret:list", "secret:reveal"] }),
  },
  { file: roles, action: "deleteRoleAction", calls: "deleteRole", route: "DELETE /api/v1/roles/{name}", drive: denied({ name: "{role}" }) },
];
