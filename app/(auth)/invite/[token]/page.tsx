import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { SpentLink } from "@/components/ui/spent-link";
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
      <SpentLink title="This invite link is not valid or has expired">
        An invite works once and for 7 days. Ask whoever invited you for a new link.
      </SpentLink>
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
