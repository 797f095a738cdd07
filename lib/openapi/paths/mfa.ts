// The caller's own TOTP second factor (issue 16): enroll, confirm, remove.
import {
  confirmTotpSchema,
  enrolledTotpSchema,
  recoveryCodesSchema,
  removeTotpSchema,
  totpStatusSchema,
} from "../../auth/mfa/totp-schemas";
import { answer, component, type Operation } from "../operation";

const path = "/api/v1/me/mfa/totp";

export const mfaOperations: Operation[] = [
  {
    method: "get",
    path,
    auth: "bearer",
    summary: "Whether the caller's TOTP second factor is on, and how many recovery codes are left",
    responses: { 200: answer("status", component("TotpStatus", totpStatusSchema)) },
    errors: [401],
  },
  {
    method: "post",
    path,
    auth: "bearer",
    summary: "Start enrolling TOTP: a new secret and its otpauth:// URL, shown once; sign-in asks for codes after confirm",
    responses: { 201: answer("the secret, shown once", component("TotpEnrollment", enrolledTotpSchema)) },
    errors: [401, 409],
  },
  {
    method: "delete",
    path,
    auth: "bearer",
    summary: "Turn TOTP off, with a current `code` (or recovery code) or the `password`",
    body: component("TotpRemoval", removeTotpSchema),
    responses: { 204: { description: "removed" } },
    errors: [400, 401, 404, 429],
  },
  {
    method: "post",
    path: `${path}/confirm`,
    auth: "bearer",
    summary: "Confirm the pending TOTP with a current `code`; answers ten one-time recovery codes, shown once",
    body: component("TotpConfirm", confirmTotpSchema),
    responses: { 200: answer("the recovery codes, shown once", component("RecoveryCodes", recoveryCodesSchema)) },
    errors: [400, 401, 409],
  },
];
