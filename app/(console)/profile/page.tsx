import type { Metadata } from "next";
import { ChangePasswordForm } from "@/features/team/components/change-password-form";
import { GrantChips } from "@/features/team/components/grant-chips";
import { PermissionList } from "@/features/team/components/permission-list";
import { TokenSummary } from "@/features/team/components/token-summary";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { TwoFactorSection } from "@/features/profile/components/two-factor-section";
import { PasskeySection } from "@/features/profile/components/passkey-section";
import { listPasskeys } from "@/lib/auth/mfa/passkey-list";
import { passkeysAvailable, PASSKEYS_NEED_HOST_NAME } from "@/lib/auth/mfa/passkey-relying-party";
import { requireActor } from "@/lib/auth/current-actor";
import { getTotpStatus } from "@/lib/auth/mfa/totp-status";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";
import { getOwnAccountDates } from "@/lib/team/own-profile";
import { ownAccess, type OwnAccess } from "../../../features/profile/own-access";

export const metadata: Metadata = { title: "Profile" };

function SectionTitle({ id, children, hint }: { id: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="mb-4">
      <h2 id={id} className="text-base font-semibold">
        {children}
      </h2>
      {hint ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
    </div>
  );
}

function Access({ access }: { access: OwnAccess }) {
  if (!access.grants.length) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">You hold no role yet. Ask an owner or admin for one.</p>;
  }
  return (
    <div className="space-y-4">
      <GrantChips grants={access.grants} />
      {access.global.length ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">In all namespaces</h3>
          <PermissionList permissions={access.global} />
        </div>
      ) : null}
      {access.perNamespace.map(({ namespace, extra }) => (
        <div key={namespace} className="space-y-2">
          <h3 className="text-sm font-medium">
            {access.global.length ? "Also in" : "In"} namespace <span className="font-mono">{namespace}</span>
          </h3>
          <PermissionList permissions={extra} />
        </div>
      ))}
    </div>
  );
}

export default async function ProfilePage() {
  const actor = await requireActor({ enrolling: true });
  const [access, tokens, member, totp] = await Promise.all([
    ownAccess(actor),
    listAccessTokens(actor),
    getOwnAccountDates(actor),
    getTotpStatus(actor),
  ]);
  const passkeys = await listPasskeys(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Your account, your access, and your password.</p>
      </div>

      <Card className="p-5">
        <div className="flex flex-wrap items-start gap-4">
          <Avatar name={actor.name} />
          <dl className="grid flex-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Name</dt>
              <dd className="font-medium">{actor.name}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Email</dt>
              <dd className="break-all">{actor.label}</dd>
            </div>
            {member ? (
              <>
                <div>
                  <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Joined</dt>
                  <dd>
                    <RelativeTime iso={member.createdAt} />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Last sign-in</dt>
                  <dd>{member.lastLoginAt ? <RelativeTime iso={member.lastLoginAt} /> : "never"}</dd>
                </div>
              </>
            ) : null}
          </dl>
        </div>
      </Card>

      <section aria-labelledby="access-heading">
        <Card className="p-5">
          <SectionTitle
            id="access-heading"
            hint="Each role counts for all namespaces or for the one named; permissions add up across them."
          >
            Your access
          </SectionTitle>
          <Access access={access} />
        </Card>
      </section>

      <section aria-labelledby="two-factor-heading">
        <Card className="p-5">
          <SectionTitle id="two-factor-heading" hint="A code from an authenticator app after your password, at every sign-in.">
            Two-factor sign-in
          </SectionTitle>
          <TwoFactorSection status={totp} />
        </Card>
      </section>

      <section aria-labelledby="passkeys-heading">
        <Card className="p-5">
          <SectionTitle id="passkeys-heading" hint="A passkey on this device or a security key, instead of a code, after your password.">
            Passkeys
          </SectionTitle>
          <PasskeySection passkeys={passkeys} unavailable={passkeysAvailable() ? null : PASSKEYS_NEED_HOST_NAME} />
        </Card>
      </section>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="password-heading">
          <Card className="p-5">
            <SectionTitle id="password-heading">Change password</SectionTitle>
            <ChangePasswordForm email={actor.label} />
          </Card>
        </section>
        <section aria-labelledby="tokens-heading">
          <Card className="p-5">
            <SectionTitle id="tokens-heading">API tokens</SectionTitle>
            <TokenSummary tokens={tokens} />
          </Card>
        </section>
      </div>
    </div>
  );
}
