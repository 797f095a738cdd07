import type { Metadata } from "next";
import { SpentLink } from "@/components/ui/spent-link";
import { describePasswordReset } from "@/lib/team/passwords";
import { ResetForm } from "../../../../features/auth/components/reset-form";

export const metadata: Metadata = { title: "Reset password" };

type Props = { params: Promise<{ token: string }> };

// The link is checked before the form is shown (describePasswordReset
// writes nothing), so a spent link says so instead of a form that fails.
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const reset = await describePasswordReset(token);
  if (!reset) {
    return (
      <SpentLink title="This link is not valid or has expired">
        A reset link works once and for 24 hours. Ask an owner or admin for a new one.
      </SpentLink>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Choose a new password</h1>
      <p className="mb-5 text-sm text-zinc-500 dark:text-zinc-400">
        For <span className="font-semibold text-zinc-800 dark:text-zinc-200">{reset.email}</span>. This one-time link came from an admin.
        Setting a new password signs you out everywhere and stops your API tokens; then sign in with it.
      </p>
      <ResetForm token={token} />
    </>
  );
}
