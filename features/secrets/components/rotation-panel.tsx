// The secret page's "Rotation" section (issue 18): the policy (interval,
// generator, rotator kind and roles: the admin secret is named, its URL is
// never read here), the next and last run, the last failure.
import { Alert } from "@/components/ui/alert";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RotationPolicyDto } from "@/lib/rotation/rotation-dto";
import { RunRotationButton, SetRotationButton, StopRotationButton } from "./rotation-buttons";
import { SetExpiryButton } from "./rotation-expiry-button";

type Props = { ns: string; name: string; policy: RotationPolicyDto | null; canChange: boolean; expiresAt?: string | null };

/** The secret's expiresAt, with its dialog for those who may change the secret. */
function ExpiryLine({ ns, name, expiresAt, canChange }: { ns: string; name: string; expiresAt: string | null; canChange: boolean }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 text-sm text-zinc-600 dark:text-zinc-400" data-testid="secret-expiry">
      <p>{expiresAt ? `Expires on ${expiresAt.slice(0, 10)} (UTC).` : "No expiry date."}</p>
      {canChange ? <SetExpiryButton ns={ns} name={name} expiresAt={expiresAt} /> : null}
    </div>
  );
}

export function RotationPanel({ ns, name, policy, canChange, expiresAt = null }: Props) {
  const expiry = <ExpiryLine ns={ns} name={name} expiresAt={expiresAt} canChange={canChange} />;
  if (!policy) {
    return (
      <div className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-4 text-sm text-zinc-600 dark:text-zinc-400">
          <p>Not rotated automatically.</p>
          {canChange ? <SetRotationButton ns={ns} name={name} current={null} /> : null}
        </div>
        {expiry}
      </div>
    );
  }
  const { generator, rotator } = policy;
  const current = { every: policy.every, length: generator.length, alphabet: generator.alphabet, key: generator.key, rotator };
  return (
    <div className="space-y-3" data-testid="rotation-policy">
      {policy.lastError ? (
        <Alert>
          Last rotation failed
          {policy.lastErrorAt ? (
            <>
              {" "}
              <RelativeTime iso={policy.lastErrorAt} />
            </>
          ) : null}{" "}
          ({policy.failures} in a row): {policy.lastError}. The current version was left as it was.
        </Alert>
      ) : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Every</dt>
        <dd>{policy.every}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Generator</dt>
        <dd>
          {generator.length} × {generator.alphabet}
          {generator.key ? ` into key ${generator.key}` : ""}
        </dd>
        {rotator ? (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Rotator</dt>
            <dd>
              {rotator.kind}, roles {rotator.roles.join(" / ")} (admin URL in secret {rotator.admin})
            </dd>
          </>
        ) : null}
        <dt className="text-zinc-500 dark:text-zinc-400">Next run</dt>
        <dd>
          <RelativeTime iso={policy.nextRunAt} future />
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Last run</dt>
        <dd>
          {policy.lastRunAt ? (
            <>
              <RelativeTime iso={policy.lastRunAt} /> (version {policy.lastVersion})
            </>
          ) : (
            "not yet"
          )}
        </dd>
      </dl>
      {canChange ? (
        <div className="flex flex-wrap gap-2">
          <RunRotationButton ns={ns} name={name} />
          <SetRotationButton ns={ns} name={name} current={current} />
          <StopRotationButton ns={ns} name={name} />
        </div>
      ) : null}
      {expiry}
    </div>
  );
}
