"use server";

// Public: the one-time reset token is the credential; lib checks, uses it
// up, ends every session of the member, and audits.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DomainError } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { resetPassword } from "@/lib/team/passwords";

export type ResetState = { error?: string; fieldErrors?: Record<string, string> };

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  const password = text(form, "password");
  if (password !== text(form, "confirm")) return { fieldErrors: { confirm: "the two passwords do not match" } };
  try {
    await resetPassword({ token: text(form, "token"), password }, contextFromHeaders(await headers()));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (/^password\b/.test(error.message)) return { fieldErrors: { password: error.message } };
    return { error: error.message };
  }
  redirect("/login?notice=password-reset");
}
