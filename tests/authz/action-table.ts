// Every server action, the lib function it calls, the API route that
// calls the same function, and how a denied actor is refused by the action
// itself. The matrix drives the route with every role; action-table.test.ts
// checks each action really calls its function and that no action is
// missing here; e2e/ux-authz-console.spec.ts POSTs every action of the
// build's manifest as a low-privilege member (or, for `sign-in`, signed
// out) with the `drive` fields, and fails on an action without a row.

export type ActionEntry = {
  file: string;
  action: string;
  /** The domain function the action calls (authorizes and audits). */
  calls: string;
  /** "METHOD /path" of the matrix entry driving the same function, or why there is none. */
  route: string | { none: "public" | "own account" };
  drive: Drive;
};

/**
 * - denied: as a member holding only viewer in `default`: refused, one `denied` audit event, nothing changed.
 * - sign-in: signed out: redirected to /login, nothing changed (the member's own account needs a session).
 * - bad credential: public, with a made-up token or password: nothing changed, no session.
 * `{name}` placeholders are filled from what e2e/ux-authz-console.spec.ts arranged.
 */
export type Drive = { refusal: "denied" | "sign-in" | "bad credential"; form?: Record<string, string | string[]>; args?: unknown[] };

const NO_ARGS: unknown[] = [];
const denied = (form?: Drive["form"], args?: unknown[]): Drive => ({ refusal: "denied", form, args });
const entry = (key = "value", value = "CANARY-authz-console-value") => ({ mode: "text", entryKey: key, entryValue: value });

const secrets = "features/secrets/actions.ts";
const services = "features/services/actions.ts";
const members = "features/team/member-actions.ts";
const roles = "features/team/role-actions.ts";
const ns = "/api/v1/namespaces/{ns}";

export const ACTIONS: ActionEntry[] = [
  { file: "features/auth/actions.ts", action: "loginAction", calls: "signInOrMessage", route: { none: "public" }, drive: { refusal: "bad credential", form: { email: "nobody@example.com", password: "CANARY-authz-wrong-pass" } } },
  { file: "features/auth/actions.ts", action: "setupAction", calls: "completeSetup", route: "POST /api/v1/setup", drive: { refusal: "bad credential", form: { token: "not-the-setup-token", name: "Mallory", email: "mallory@example.com", password: "CANARY-authz-setup-pass" } } },
  { file: "features/auth/accept-invite-action.ts", action: "acceptInviteAction", calls: "acceptInvite", route: "POST /api/v1/invites/accept", drive: { refusal: "bad credential", form: { token: "cfi_made-up-invite-token-0000000000", name: "Mallory", password: "CANARY-authz-invite-pass", confirm: "CANARY-authz-invite-pass" } } },
  { file: "features/auth/reset-password-action.ts", action: "resetPasswordAction", calls: "resetPassword", route: "POST /api/v1/password-reset", drive: { refusal: "bad credential", form: { token: "cfr_made-up-reset-token-00000000000", password: "CANARY-authz-reset-pass", confirm: "CANARY-authz-reset-pass" } } },
  { file: "features/console/logout-action.ts", action: "logoutAction", calls: "endSession", route: { none: "own account" }, drive: { refusal: "sign-in", args: NO_ARGS } },
  { file: "features/audit/actions.ts", action: "countNewEventsAction", calls: "countNewAuditEvents", route: "GET /api/v1/audit", drive: denied(undefined, [{}, "0"]) },
  { file: "features/audit/actions.ts", action: "startVerifyAction", calls: "startAuditVerify", route: "POST /api/v1/audit/verify", drive: denied(undefined, NO_ARGS) },
  { file: "features/profile/actions.ts", action: "changePasswordAction", calls: "changeOwnPassword", route: { none: "own account" }, drive: { refusal: "sign-in", form: { currentPassword: "CANARY-authz-cur-pass", password: "CANARY-authz-new-pass", confirm: "CANARY-authz-new-pass" } } },
  { file: secrets, action: "createSecretAction", calls: "createSecret", route: `POST ${ns}/secrets`, drive: denied({ ns: "default", name: "{newName}", type: "Opaque", ...entry() }) },
  { file: secrets, action: "rotateSecretAction", calls: "rotateSecret", route: `POST ${ns}/secrets/{name}/versions`, drive: denied({ ns: "default", name: "{secret}", ...entry() }) },
  { file: secrets, action: "rollbackSecretAction", calls: "rollbackSecret", route: `POST ${ns}/secrets/{name}/rollback`, drive: denied({ ns: "default", name: "{secret}", version: "1" }) },
  { file: secrets, action: "updateLabelsAction", calls: "updateSecretLabels", route: `PATCH ${ns}/secrets/{name}`, drive: denied({ ns: "default", name: "{secret}", labelKey: "team", labelValue: "mallory" }) },
  { file: secrets, action: "deleteSecretAction", calls: "deleteSecret", route: `DELETE ${ns}/secrets/{name}`, drive: denied({ ns: "default", name: "{secret}", confirm: "{secret}" }) },
  { file: secrets, action: "restoreSecretAction", calls: "restoreSecret", route: `POST ${ns}/secrets/{name}/restore`, drive: denied({ ns: "default", name: "{deletedSecret}" }) },
  { file: secrets, action: "purgeSecretAction", calls: "purgeSecret", route: `DELETE ${ns}/secrets/{name}?purge=true`, drive: denied({ ns: "default", name: "{deletedSecret}", confirm: "{deletedSecret}" }) },
  { file: services, action: "createServiceAction", calls: "createService", route: `POST ${ns}/services`, drive: denied({ ns: "default", name: "{newName}", description: "" }) },
  { file: services, action: "updateServiceAction", calls: "updateService", route: `PATCH ${ns}/services/{name}`, drive: denied({ ns: "default", current: "{service}", name: "{service}", description: "changed by a viewer" }) },
  { file: services, action: "deleteServiceAction", calls: "deleteService", route: `DELETE ${ns}/services/{name}`, drive: denied({ ns: "default", name: "{service}", confirm: "{service}" }) },
  { file: services, action: "addBindingAction", calls: "addBinding", route: `POST ${ns}/services/{name}/bindings`, drive: denied({ ns: "default", service: "{service}", secret: "{secret}" }) },
  { file: services, action: "removeBindingAction", calls: "removeBinding", route: `DELETE ${ns}/services/{name}/bindings/{target}`, drive: denied({ ns: "default", service: "{service}", target: "{boundTarget}" }) },
  { file: services, action: "createServiceTokenAction", calls: "createServiceToken", route: `POST ${ns}/services/{name}/tokens`, drive: denied({ ns: "default", service: "{service}", name: "exfil", expiresInDays: "30" }) },
  { file: services, action: "revokeServiceTokenAction", calls: "revokeServiceToken", route: `DELETE ${ns}/services/{name}/tokens/{id}`, drive: denied({ ns: "default", service: "{service}", tokenId: "{serviceTokenId}" }) },
  { file: "features/keys/actions.ts", action: "startRewrapAction", calls: "startRewrap", route: "POST /api/v1/encryption", drive: denied(undefined, NO_ARGS) },
  { file: "features/keys/actions.ts", action: "cancelRewrapAction", calls: "cancelRewrap", route: "POST /api/v1/encryption", drive: denied(undefined, NO_ARGS) },
  { file: "features/tokens/actions.ts", action: "createTokenAction", calls: "createAccessToken", route: { none: "own account" }, drive: { refusal: "sign-in", form: { name: "laptop", expiresInDays: "30" } } },
  { file: "features/tokens/actions.ts", action: "revokeTokenAction", calls: "revokeAccessToken", route: { none: "own account" }, drive: { refusal: "sign-in", args: ["{memberTokenId}"] } },
  { file: "features/team/invite-actions.ts", action: "inviteMemberAction", calls: "inviteMember", route: "POST /api/v1/invites", drive: denied({ email: "{newName}@example.com", role: "owner", namespace: "" }) },
  { file: "features/team/invite-actions.ts", action: "revokeInviteAction", calls: "revokeInvite", route: "DELETE /api/v1/invites/{id}", drive: denied({ id: "{inviteId}" }) },
  { file: members, action: "grantRoleAction", calls: "grantRole", route: "POST /api/v1/role-bindings", drive: denied({ userId: "{self}", role: "owner", namespace: "" }) },
  { file: members, action: "revokeGrantAction", calls: "revokeGrant", route: "DELETE /api/v1/role-bindings/{id}", drive: denied({ id: "{grantId}" }) },
  { file: members, action: "setDisabledAction", calls: "setMemberDisabled", route: "PATCH /api/v1/users/{id}", drive: denied({ userId: "{otherId}", disabled: "true" }) },
  { file: members, action: "issueResetLinkAction", calls: "issuePasswordReset", route: "POST /api/v1/users/{id}/password-reset", drive: denied({ userId: "{ownerId}" }) },
  { file: members, action: "revokeMemberTokenAction", calls: "revokeMemberAccessToken", route: "DELETE /api/v1/users/{id}/tokens/{tokenId}", drive: denied({ userId: "{ownerId}", tokenId: "{ownerTokenId}" }) },
  { file: members, action: "removeMemberAction", calls: "removeMember", route: "DELETE /api/v1/users/{id}", drive: denied({ userId: "{otherId}", confirm: "{otherEmail}" }) },
  { file: "features/team/namespace-actions.ts", action: "createNamespaceAction", calls: "createNamespace", route: "POST /api/v1/namespaces", drive: denied({ name: "{newName}" }) },
  { file: "features/team/namespace-actions.ts", action: "deleteNamespaceAction", calls: "deleteNamespace", route: "DELETE /api/v1/namespaces/{ns}", drive: denied({ name: "{namespace}" }) },
  { file: roles, action: "createRoleAction", calls: "createRole", route: "POST /api/v1/roles", drive: denied({ name: "{newName}", description: "", permissions: ["secret:list"] }) },
  { file: roles, action: "updateRoleAction", calls: "updateRole", route: "PATCH /api/v1/roles/{name}", drive: denied({ name: "{role}", description: "changed by a viewer", permissions: ["secret:list", "secret:reveal"] }) },
  { file: roles, action: "deleteRoleAction", calls: "deleteRole", route: "DELETE /api/v1/roles/{name}", drive: denied({ name: "{role}" }) },
];
