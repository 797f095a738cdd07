"use server";

// Public: the one-time reset token is the credential; lib checks, uses it
// up, ends every session of the member, and audits.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { mismatchErrors } from "@/components/forms/new-password-errors";
import { text } from "@/components/forms/read-form";
import { contextFromHeaders } from "@/lib/http/request-context";
import { resetPassword } from "@/lib/team/passwords";

export type ResetState = ActionState;

export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  const password = text(form, "password");
  const mismatch = mismatchErrors(password, text(form, "confirm"));
  if (mismatch) return { fieldErrors: mismatch };
  try {
    await resetPassword({ token: text(form, "token"), password }, contextFromHeaders(await headers()));
  } catch (error) {
    return failure(error, ["password"]);
  }
  redirect("/login?notice=password-reset");
}
