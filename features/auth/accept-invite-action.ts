"use server";

// Accepting an invite is public (the visitor has no account yet): the
// one-time token is the credential, and lib checks and audits it.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { failure, fieldErrorsOf } from "@/components/forms/action-failure";
import { mismatchErrors } from "@/components/forms/new-password-errors";
import { text } from "@/components/forms/read-form";
import { signIn } from "@/lib/auth/auth";
import { contextFromHeaders } from "@/lib/http/request-context";
import { acceptInvite, acceptSchema } from "@/lib/team/invites";

export type AcceptState = ActionState & { values?: { name: string } };

export async function acceptInviteAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const name = text(form, "name");
  const password = text(form, "password");
  const values = { name };
  const mismatch = mismatchErrors(password, text(form, "confirm"));
  if (mismatch) {
    // The name's problem comes back with the passwords', worded by lib's schema.
    const named = acceptSchema.pick({ name: true }).safeParse({ name });
    return { fieldErrors: { ...(named.success ? {} : fieldErrorsOf(named.error.issues)), ...mismatch }, values };
  }

  let email: string;
  try {
    ({ email } = await acceptInvite({ token: text(form, "token"), name, password }, contextFromHeaders(await headers())));
  } catch (error) {
    return { ...failure(error, ["name", "password"]), values };
  }

  // Signed in the way setup signs in the first owner; if that fails the
  // account exists all the same, and the sign-in page takes it from there.
  let signedIn = true;
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    signedIn = false;
  }
  redirect(signedIn ? "/" : "/login");
}
