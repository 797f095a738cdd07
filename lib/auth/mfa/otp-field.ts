import { z } from "zod";

/** A TOTP code or a recovery code as typed: spaces and dashes are allowed, the check ignores them. */
export const otpField = z
  .string({ error: "code must be a string" })
  .trim()
  .min(1, "enter the code from your authenticator app")
  .max(64, "code is too long");
