"use server";

// Accepting an invite is public (the visitor has no account yet): the
// one-time token is the credential, and lib checks and audits it.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { DomainError } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { acceptInvite } from "@/lib/team/invites";

export type AcceptState = { error?: string; fieldErrors?: Record<string, string>; values?: { name: string } };

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function acceptInviteAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const name = text(form, "name");
  const password = text(form, "password");
  const values = { name };
  if (password !== text(form, "confirm")) return { fieldErrors: { confirm: "the two passwords do not match" }, values };

  let email: string;
  try {
    ({ email } = await acceptInvite({ token: text(form, "token"), name, password }, contextFromHeaders(await headers())));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (/^name\b/.test(error.message)) return { fieldErrors: { name: error.message }, values };
    if (/^password\b/.test(error.message)) return { fieldErrors: { password: error.message }, values };
    return { error: error.message, values };
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
