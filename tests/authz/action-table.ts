// Every server action, the lib function it calls, and the API route that
// calls the same function. The matrix drives that route with every role;
// action-table.test.ts checks each action really calls its function and
// that no action is missing here — so the matrix covers the actions too.

export type ActionEntry = {
  file: string;
  action: string;
  /** The domain function the action calls (authorizes and audits). */
  calls: string;
  /** "METHOD /path" of the matrix entry driving the same function, or why there is none. */
  route: string | { none: "public" | "own account" };
};

const secrets = "app/(console)/secrets/actions.ts";
const services = "app/(console)/services/actions.ts";
const members = "app/(console)/team/members/actions.ts";
const roles = "app/(console)/team/roles/actions.ts";
const ns = "/api/v1/namespaces/{ns}";

export const ACTIONS: ActionEntry[] = [
  { file: "app/(auth)/actions.ts", action: "loginAction", calls: "signInOrMessage", route: { none: "public" } },
  { file: "app/(auth)/actions.ts", action: "setupAction", calls: "completeSetup", route: "POST /api/v1/setup" },
  { file: "app/(auth)/invite/[token]/actions.ts", action: "acceptInviteAction", calls: "acceptInvite", route: "POST /api/v1/invites/accept" },
  { file: "app/(auth)/reset-password/[token]/actions.ts", action: "resetPasswordAction", calls: "resetPassword", route: "POST /api/v1/password-reset" },
  { file: "app/(console)/actions.ts", action: "logoutAction", calls: "endSession", route: { none: "own account" } },
  { file: "app/(console)/audit/actions.ts", action: "countNewEventsAction", calls: "countNewAuditEvents", route: "GET /api/v1/audit" },
  { file: "app/(console)/audit/actions.ts", action: "startVerifyAction", calls: "startAuditVerify", route: "POST /api/v1/audit/verify" },
  { file: "app/(console)/profile/actions.ts", action: "changePasswordAction", calls: "changeOwnPassword", route: { none: "own account" } },
  { file: secrets, action: "createSecretAction", calls: "createSecret", route: `POST ${ns}/secrets` },
  { file: secrets, action: "rotateSecretAction", calls: "rotateSecret", route: `POST ${ns}/secrets/{name}/versions` },
  { file: secrets, action: "rollbackSecretAction", calls: "rollbackSecret", route: `POST ${ns}/secrets/{name}/rollback` },
  { file: secrets, action: "updateLabelsAction", calls: "updateSecretLabels", route: `PATCH ${ns}/secrets/{name}` },
  { file: secrets, action: "deleteSecretAction", calls: "deleteSecret", route: `DELETE ${ns}/secrets/{name}` },
  { file: secrets, action: "restoreSecretAction", calls: "restoreSecret", route: `POST ${ns}/secrets/{name}/restore` },
  { file: secrets, action: "purgeSecretAction", calls: "purgeSecret", route: `DELETE ${ns}/secrets/{name}?purge=true` },
  { file: services, action: "createServiceAction", calls: "createService", route: `POST ${ns}/services` },
  { file: services, action: "updateServiceAction", calls: "updateService", route: `PATCH ${ns}/services/{name}` },
  { file: services, action: "deleteServiceAction", calls: "deleteService", route: `DELETE ${ns}/services/{name}` },
  { file: services, action: "addBindingAction", calls: "addBinding", route: `POST ${ns}/services/{name}/bindings` },
  { file: services, action: "removeBindingAction", calls: "removeBinding", route: `DELETE ${ns}/services/{name}/bindings/{target}` },
  { file: services, action: "createServiceTokenAction", calls: "createServiceToken", route: `POST ${ns}/services/{name}/tokens` },
  { file: services, action: "revokeServiceTokenAction", calls: "revokeServiceToken", route: `DELETE ${ns}/services/{name}/tokens/{id}` },
  { file: "app/(console)/settings/encryption/actions.ts", action: "startRewrapAction", calls: "startRewrap", route: "POST /api/v1/encryption" },
  { file: "app/(console)/settings/encryption/actions.ts", action: "cancelRewrapAction", calls: "cancelRewrap", route: "POST /api/v1/encryption" },
  { file: "app/(console)/settings/tokens/actions.ts", action: "createTokenAction", calls: "createAccessToken", route: { none: "own account" } },
  { file: "app/(console)/settings/tokens/actions.ts", action: "revokeTokenAction", calls: "revokeAccessToken", route: { none: "own account" } },
  { file: "app/(console)/team/invites/actions.ts", action: "inviteMemberAction", calls: "inviteMember", route: "POST /api/v1/invites" },
  { file: "app/(console)/team/invites/actions.ts", action: "revokeInviteAction", calls: "revokeInvite", route: "DELETE /api/v1/invites/{id}" },
  { file: members, action: "grantRoleAction", calls: "grantRole", route: "POST /api/v1/role-bindings" },
  { file: members, action: "revokeGrantAction", calls: "revokeGrant", route: "DELETE /api/v1/role-bindings/{id}" },
  { file: members, action: "setDisabledAction", calls: "setMemberDisabled", route: "PATCH /api/v1/users/{id}" },
  { file: members, action: "issueResetLinkAction", calls: "issuePasswordReset", route: "POST /api/v1/users/{id}/password-reset" },
  { file: members, action: "removeMemberAction", calls: "removeMember", route: "DELETE /api/v1/users/{id}" },
  { file: "app/(console)/team/namespaces/actions.ts", action: "createNamespaceAction", calls: "createNamespace", route: "POST /api/v1/namespaces" },
  { file: "app/(console)/team/namespaces/actions.ts", action: "deleteNamespaceAction", calls: "deleteNamespace", route: "DELETE /api/v1/namespaces/{ns}" },
  { file: roles, action: "createRoleAction", calls: "createRole", route: "POST /api/v1/roles" },
  { file: roles, action: "updateRoleAction", calls: "updateRole", route: "PATCH /api/v1/roles/{name}" },
  { file: roles, action: "deleteRoleAction", calls: "deleteRole", route: "DELETE /api/v1/roles/{name}" },
];
