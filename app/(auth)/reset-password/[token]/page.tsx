import type { Metadata } from "next";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Reset password" };

type Props = { params: Promise<{ token: string }> };

// The link is checked when the form is sent: lib has no way to look a
// reset token up without using it.
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Choose a new password</h1>
      <p className="mb-5 text-sm text-zinc-500 dark:text-zinc-400">
        This one-time link came from an admin. Setting a new password signs you out everywhere; then sign in with it.
      </p>
      <ResetForm token={token} />
    </>
  );
}
