// Actions outside any namespace: signing in and up, the audit page, the
// caller's own profile and tokens, and the encryption key.
import { denied, NO_ARGS, type ActionEntry } from "./action-table-entry";

export const ACCOUNT_AND_AUDIT_ACTIONS: ActionEntry[] = [
  {
    file: "features/auth/actions.ts",
    action: "loginAction",
    calls: "signInOrMessage",
    route: { none: "public" },
    drive: { refusal: "bad credential", form: { email: "nobody@example.com", password: "CANARY-authz-wrong-pass" } },
  },
  {
    file: "features/auth/actions.ts",
    action: "setupAction",
    calls: "completeSetup",
    route: "POST /api/v1/setup",
    drive: {
      refusal: "bad credential",
      form: { token: "not-the-setup-token", name: "Mallory", email: "mallory@example.com", password: "CANARY-authz-setup-pass" },
    },
  },
  {
    file: "features/auth/sso-action.ts",
    action: "ssoSignInAction",
    calls: "signIn",
    route: { none: "public" },
    // The e2e instance has no OIDC provider: the action must start nothing.
    drive: { refusal: "bad credential", form: { next: "/" } },
  },
  {
    file: "features/auth/accept-invite-action.ts",
    action: "acceptInviteAction",
    calls: "acceptInvite",
    route: "POST /api/v1/invites/accept",
    drive: {
      refusal: "bad credential",
      form: {
        token: "cfi_made-up-invite-token-0000000000",
        name: "Mallory",
        password: "CANARY-authz-invite-pass",
        confirm: "CANARY-authz-invite-pass",
      },
    },
  },
  {
    file: "features/auth/reset-password-action.ts",
    action: "resetPasswordAction",
    calls: "resetPassword",
    route: "POST /api/v1/password-reset",
    drive: {
      refusal: "bad credential",
      form: { token: "cfr_made-up-reset-token-00000000000", password: "CANARY-authz-reset-pass", confirm: "CANARY-authz-reset-pass" },
    },
  },
  {
    file: "features/console/logout-action.ts",
    action: "logoutAction",
    calls: "endSession",
    route: { none: "own account" },
    drive: { refusal: "sign-in", args: NO_ARGS },
  },
  {
    file: "features/audit/actions.ts",
    action: "countNewEventsAction",
    calls: "countNewAuditEvents",
    route: "GET /api/v1/audit",
    drive: denied(undefined, [{}, "0"]),
  },
  {
    file: "features/audit/actions.ts",
    action: "startVerifyAction",
    calls: "startAuditVerify",
    route: "POST /api/v1/audit/verify",
    drive: denied(undefined, NO_ARGS),
  },
  {
    file: "features/profile/actions.ts",
    action: "changePasswordAction",
    calls: "changeOwnPassword",
    route: { none: "own account" },
    drive: {
      refusal: "sign-in",
      form: { currentPassword: "CANARY-authz-cur-pass", password: "CANARY-authz-new-pass", confirm: "CANARY-authz-new-pass" },
    },
  },
  // One's own second factor (issue 16): signed out, there is no one to enroll.
  {
    file: "features/profile/actions.ts",
    action: "enrollTotpAction",
    calls: "enrollTotp",
    route: "POST /api/v1/me/mfa/totp",
    drive: { refusal: "sign-in", form: {} },
  },
  {
    file: "features/profile/actions.ts",
    action: "confirmTotpAction",
    calls: "confirmTotp",
    route: "POST /api/v1/me/mfa/totp/confirm",
    drive: { refusal: "sign-in", form: { code: "123456" } },
  },
  {
    file: "features/profile/actions.ts",
    action: "removeTotpAction",
    calls: "removeTotp",
    route: "DELETE /api/v1/me/mfa/totp",
    drive: { refusal: "sign-in", form: { password: "CANARY-authz-mfa-pass" } },
  },
  {
    file: "features/profile/passkey-actions.ts",
    action: "passkeyOptionsAction",
    calls: "startPasskeyRegistration",
    route: "POST /api/v1/me/mfa/passkeys/options",
    drive: { refusal: "sign-in", args: NO_ARGS },
  },
  {
    file: "features/profile/passkey-actions.ts",
    action: "registerPasskeyAction",
    calls: "registerPasskey",
    route: "POST /api/v1/me/mfa/passkeys",
    drive: { refusal: "sign-in", args: ["authz passkey", { id: "AAAA", rawId: "AAAA", type: "public-key", response: {} }] },
  },
  {
    file: "features/profile/passkey-actions.ts",
    action: "removePasskeyAction",
    calls: "removePasskey",
    route: "DELETE /api/v1/me/mfa/passkeys/{id}",
    drive: { refusal: "sign-in", form: { id: "AAAA" } },
  },
];

export const KEY_AND_TOKEN_ACTIONS: ActionEntry[] = [
  {
    file: "features/keys/actions.ts",
    action: "startRewrapAction",
    calls: "startRewrap",
    route: "POST /api/v1/encryption",
    drive: denied(undefined, NO_ARGS),
  },
  {
    file: "features/keys/actions.ts",
    action: "cancelRewrapAction",
    calls: "cancelRewrap",
    route: "POST /api/v1/encryption",
    drive: denied(undefined, NO_ARGS),
  },
  {
    file: "features/tokens/actions.ts",
    action: "createTokenAction",
    calls: "createAccessToken",
    route: { none: "own account" },
    drive: { refusal: "sign-in", form: { name: "laptop", expiresInDays: "30" } },
  },
  {
    file: "features/tokens/actions.ts",
    action: "revokeTokenAction",
    calls: "revokeAccessToken",
    route: { none: "own account" },
    drive: { refusal: "sign-in", args: ["{memberTokenId}"] },
  },
];
