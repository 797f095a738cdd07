import "server-only";
import { z } from "zod";
import { userActor, type RequestContext } from "../auth/actor";
import { verifyCredentials } from "../auth/sign-in";
import { secondFactorKinds } from "../auth/mfa/has-second-factor";
import { verifySecondFactor } from "../auth/mfa/second-factor";
import { otpField } from "../auth/mfa/otp-field";
import { refuseTokenWhileOwed } from "../auth/mfa/second-factor-policy";
import { db, type Tx } from "../db/client";
import { MfaRequired } from "../errors";
import { parseInput } from "../input/parse-input";
import { insertAccessToken, type NewAccessToken } from "./create-access-token";

export const exchangeSchema = z.object({
  name: z.string({ error: "name must be a string" }).trim().min(1).max(100).default("coffer CLI"),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const PASSKEY_ONLY =
  "this account's second factor is a passkey, which needs a browser: sign in to the console, create a personal API token under Settings → API tokens, and use it instead of a password (COFFER_TOKEN for the CLI)";

/** The second factor, for an account that has one: a TOTP code or a recovery code. */
export const otpSchema = z.object({ otp: otpField.optional() });

/**
 * POST /api/v1/auth/token: email and password for a personal token, as
 * `coffer login` does. Throttled and audited exactly like the sign-in form,
 * second factor included (`otp`).
 */
export async function exchangePasswordForToken(input: Record<string, unknown>, context: RequestContext): Promise<NewAccessToken> {
  const { name, expiresInDays } = parseInput(exchangeSchema, { name: input.name, expiresInDays: input.expiresInDays });
  const { otp } = parseInput(otpSchema, { otp: input.otp });
  const user = await verifyCredentials({ email: input.email, password: input.password }, context);
  await refuseTokenWhileOwed(user, context);
  const mint = (tx: Tx) => insertAccessToken(tx, userActor(user, context), { name, expiresInDays }, "password");
  const kinds = await secondFactorKinds(user.id);
  if (!kinds.totp && !kinds.passkeys) return db.$transaction(mint);
  // A passkey needs a browser: the token API cannot take one.
  if (!kinds.totp) throw new MfaRequired(PASSKEY_ONLY);
  // 401 mfa_required, not 400: `coffer login` asks for the code and sends it again with the password.
  if (otp === undefined) throw new MfaRequired();
  return verifySecondFactor(user, otp, context, mint);
}
