import { z } from "zod";
import { otpField } from "./otp-field";

export const confirmTotpSchema = z.object({ code: otpField });

/** Removing TOTP proves it is still the owner at the keyboard: a current code (or a recovery code), or the password. */
export const removeTotpSchema = z
  .object({
    code: otpField.optional(),
    password: z.string({ error: "password must be a string" }).min(1, "password is required").max(1024, "password is too long").optional(),
  })
  .refine((input) => input.code !== undefined || input.password !== undefined, {
    message: "give a current code or your password",
    path: ["code"],
  });

export const enrolledTotpSchema = z.object({
  secret: z.string().meta({ description: "base32, for typing into an authenticator app" }),
  otpauthUrl: z.string().meta({ description: "otpauth://totp/… URL, what the QR code holds" }),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).meta({ description: "ten one-time codes, shown once" }) });
export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  pending: z.boolean().meta({ description: "enrolled but not confirmed yet" }),
  confirmedAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});

export type EnrolledTotp = z.infer<typeof enrolledTotpSchema>;
export type TotpStatus = z.infer<typeof totpStatusSchema>;
