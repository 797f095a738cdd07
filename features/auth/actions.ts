"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { fieldErrorsOf } from "@/components/forms/action-failure";
import { PasskeySignin, SecondFactorSignin, signIn } from "@/lib/auth/auth";
import type { SecondFactorKinds } from "@/lib/auth/mfa/has-second-factor";
import { challengeKinds, passkeySignInSchema } from "@/lib/auth/mfa/passkey-sign-in";
import { WRONG_CODE } from "@/lib/auth/mfa/second-factor";
import { passwordLoginMessage } from "@/lib/auth/oidc/password-login-policy";
import { completeSetup, setupSchema, setupTokenProblem } from "@/lib/auth/setup";
import {
  challengeSignInSchema,
  EXPIRED_CHALLENGE,
  signInLockedFor,
  signInSchema,
  throttledMessage,
  WRONG_CREDENTIALS,
} from "@/lib/auth/sign-in";
import { config } from "@/lib/config/env";
import { DomainError } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { sameOriginPath } from "@/lib/http/same-origin-path";

/** The console's form state, plus what was typed (never a password) to fill the form again. */
export type FormState = ActionState & {
  values?: Record<string, string>;
  /** Set after the right password of an account with TOTP: the form asks for the code and sends this back. */
  challenge?: string;
  /** With `challenge`: which second factors the account has, so the step offers a code field, "Use a passkey", or both. */
  kinds?: SecondFactorKinds;
};

/** Only our own origin: an open redirect after sign-in is a phishing aid. */
function safeNext(value: FormDataEntryValue | null): string {
  return sameOriginPath(value, config().COFFER_PUBLIC_URL);
}

// A hand-made action request can pass anything as the form; answer it as a
// form with no fields rather than with a TypeError (a 500).
const NO_FIELDS = new FormData();
const formOf = (form: unknown): FormData => (form instanceof FormData ? form : NO_FIELDS);

async function signInOrMessage(email: string, password: string): Promise<string | { challenge: string } | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof SecondFactorSignin) return { challenge: error.challenge };
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const seconds = await signInLockedFor(email, contextFromHeaders(await headers()));
      return throttledMessage(Math.max(seconds, 1));
    }
    if (error instanceof CredentialsSignin && error.code === "password_login") return passwordLoginMessage();
    if (error instanceof AuthError) return WRONG_CREDENTIALS;
    throw error;
  }
}

export async function loginAction(_prev: FormState, input: FormData): Promise<FormState> {
  const form = formOf(input);
  const challenge = form.get("challenge");
  if (typeof challenge === "string" && challenge) return codeStepAction(form, challenge);
  const values = { email: String(form.get("email") ?? "") };
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };

  const locked = await signInLockedFor(parsed.data.email, contextFromHeaders(await headers()));
  if (locked) return { error: throttledMessage(locked), values };

  const message = await signInOrMessage(parsed.data.email, parsed.data.password);
  if (typeof message === "object" && message) return withKinds({ challenge: message.challenge, values });
  if (message) return { error: message, values };
  redirect(safeNext(form.get("next")));
}

/** A state that keeps the second step open says which factors it may offer. */
async function withKinds(state: FormState): Promise<FormState> {
  if (!state.challenge) return state;
  const kinds = await challengeKinds(state.challenge);
  return kinds ? { ...state, kinds } : state;
}

/** The second step: the challenge of the password step and a code; a wrong code keeps the step open until the lockout. */
async function codeStepAction(form: FormData, challenge: string): Promise<FormState> {
  return withKinds(await secondStep(form, challenge));
}

async function secondStep(form: FormData, challenge: string): Promise<FormState> {
  const values = { email: String(form.get("email") ?? "") };
  if (form.get("passkey") !== null) return passkeyStep(form, challenge, values);
  const parsed = challengeSignInSchema.safeParse({ challenge, code: form.get("code") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), challenge, values };
  try {
    await signIn("credentials", { challenge, code: parsed.data.code, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = error instanceof CredentialsSignin ? error.code : "";
    if (code === "challenge_expired") return { error: EXPIRED_CHALLENGE, values };
    if (code === "throttled") {
      const seconds = await signInLockedFor(values.email, contextFromHeaders(await headers()));
      return { error: throttledMessage(Math.max(seconds, 1)), challenge, values };
    }
    return { fieldErrors: { code: WRONG_CODE }, challenge, values };
  }
  redirect(safeNext(form.get("next")));
}

/** The second step with a passkey: the browser's assertion (JSON text) for the options of this challenge. */
async function passkeyStep(form: FormData, challenge: string, values: { email: string }): Promise<FormState> {
  const parsed = passkeySignInSchema.safeParse({ challenge, passkey: form.get("passkey") });
  if (!parsed.success) return { error: "The passkey's answer did not arrive. Try again.", challenge, values };
  try {
    await signIn("credentials", { challenge, passkey: parsed.data.passkey, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof PasskeySignin) return { error: error.passkeyMessage, challenge, values };
    const code = error instanceof CredentialsSignin ? error.code : "";
    if (code === "challenge_expired") return { error: EXPIRED_CHALLENGE, values };
    if (code === "throttled") {
      const seconds = await signInLockedFor(values.email, contextFromHeaders(await headers()));
      return { error: throttledMessage(Math.max(seconds, 1)), challenge, values };
    }
    return { error: "The passkey could not sign you in. Try again.", challenge, values };
  }
  redirect(safeNext(form.get("next")));
}

export async function setupAction(_prev: FormState, submitted: FormData): Promise<FormState> {
  const form = formOf(submitted);
  const input = {
    token: form.get("token"),
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
  };
  // The token is kept too: it is long, copied from the server's log, and
  // the person who typed it is the one who sees it again.
  const values = { token: String(input.token ?? ""), name: String(input.name ?? ""), email: String(input.email ?? "") };
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    // A short password must not hide a wrong token: both come back at once.
    const tokenProblem = fieldErrors.token
      ? null
      : await setupTokenProblem(values.token, contextFromHeaders(await headers()), values.email);
    return { fieldErrors: tokenProblem ? { ...fieldErrors, token: tokenProblem } : fieldErrors, values };
  }
  try {
    await completeSetup(parsed.data, contextFromHeaders(await headers()));
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) redirect("/login");
    if (error instanceof DomainError) return { fieldErrors: { token: error.message }, values };
    throw error;
  }
  const message = await signInOrMessage(parsed.data.email, parsed.data.password);
  redirect(message ? "/login" : "/");
}
