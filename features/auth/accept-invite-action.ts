"use server";

// Accepting an invite is public (the visitor has no account yet): the
// one-time token is the credential, and lib checks and audits it.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";
import { signIn } from "@/lib/auth/auth";
import { contextFromHeaders } from "@/lib/http/request-context";
import { acceptInvite } from "@/lib/team/invites";

export type AcceptState = ActionState & { values?: { name: string } };

export async function acceptInviteAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const name = text(form, "name");
  const password = text(form, "password");
  const values = { name };
  if (password !== text(form, "confirm")) return { fieldErrors: { confirm: "the two passwords do not match" }, values };

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
