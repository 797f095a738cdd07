"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { completeSetup, setupSchema } from "@/lib/auth/setup";
import { signInLockedFor, signInSchema, throttledMessage, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { DomainError } from "@/lib/http/errors";
import { contextFromHeaders } from "@/lib/http/request-context";

export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** Only same-site paths: an open redirect after sign-in is a phishing aid. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

async function signInOrMessage(email: string, password: string): Promise<string | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const seconds = await signInLockedFor(email, contextFromHeaders(await headers()));
      return throttledMessage(Math.max(seconds, 1));
    }
    if (error instanceof AuthError) return WRONG_CREDENTIALS;
    throw error;
  }
}

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: String(form.get("email") ?? "") };
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };

  const locked = await signInLockedFor(parsed.data.email, contextFromHeaders(await headers()));
  if (locked) return { error: throttledMessage(locked), values };

  const message = await signInOrMessage(parsed.data.email, parsed.data.password);
  if (message) return { error: message, values };
  redirect(safeNext(form.get("next")));
}

export async function setupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = {
    token: form.get("token"),
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
  };
  const values = { name: String(input.name ?? ""), email: String(input.email ?? "") };
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };
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
