import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/lib/auth/current-actor";
import { describeInvite } from "@/lib/team/invites";
import { AcceptForm } from "../../../../features/auth/components/accept-form";

export const metadata: Metadata = { title: "Accept invite" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const [invite, actor] = await Promise.all([describeInvite(token), currentActor()]);
  if (!invite) {
    return (
      <div className="space-y-4 text-center">
        <span className="mx-auto flex size-10 items-center justify-center rounded-full bg-amber-50 text-amber-600 dark:bg-amber-950 dark:text-amber-400">
          <LinkIcon aria-hidden className="size-5" />
        </span>
        <h1 className="text-lg font-semibold">This invite link is not valid or has expired</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          An invite works once and for 7 days. Ask whoever invited you for a new link.
        </p>
        <Link href="/login" className="inline-block text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
          Go to sign-in
        </Link>
      </div>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Join Coffer</h1>
      <p className="mb-5 text-sm text-zinc-500 dark:text-zinc-400">
        You are invited as <span className="font-semibold text-zinc-800 dark:text-zinc-200">{invite.role}</span>{" "}
        {invite.namespace ? (
          <>
            in namespace <span className="font-semibold text-zinc-800 dark:text-zinc-200">{invite.namespace}</span>
          </>
        ) : (
          "for all namespaces"
        )}
        . Choose your name and a password.
      </p>
      {actor ? (
        <div className="mb-4">
          <Alert tone="warning">
            You are signed in as {actor.label}. Joining signs you in as {invite.email} instead.
          </Alert>
        </div>
      ) : null}
      <AcceptForm token={token} email={invite.email} />
    </>
  );
}
