import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/lib/auth/current-actor";
import { setupNeeded } from "@/lib/auth/setup";
import { config } from "@/lib/config/env";
import { sameOriginPath } from "@/lib/http/same-origin-path";
import { LoginForm } from "../../../features/auth/components/login-form";
import { SsoSignIn } from "../../../features/auth/components/sso-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; notice?: string; sso?: string; error?: string }>;
}) {
  const params = await searchParams;
  // Checked here as well as in the action, so the page never carries a
  // foreign target in its form.
  const next = sameOriginPath(params.next, config().COFFER_PUBLIC_URL, "");
  if (await currentActor()) redirect(next || "/");
  const { notice } = params;
  const fresh = await setupNeeded();
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-zinc-500 dark:text-zinc-400">Use your Coffer account.</p>
      {notice === "password-reset" ? (
        <div className="mb-4">
          <Alert tone="info">Your password was changed. Sign in with the new one.</Alert>
        </div>
      ) : null}
      {fresh ? (
        <div className="mb-4">
          <Alert tone="info">
            This instance has no users yet.{" "}
            <Link href="/setup" className="font-semibold underline">
              Set it up
            </Link>{" "}
            with the token from the server log.
          </Alert>
        </div>
      ) : null}
      <LoginForm next={next} />
      <SsoSignIn next={next} sso={params.sso} error={params.error} />
    </>
  );
}
