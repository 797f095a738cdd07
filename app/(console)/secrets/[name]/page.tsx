import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DeleteSecretButton } from "@/features/secrets/components/delete-secret-button";
import { EditLabelsButton } from "@/features/secrets/components/edit-labels-button";
import { InspectViews } from "@/features/secrets/components/inspect-views";
import { RotateButton } from "@/features/secrets/components/rotate-button";
import { SecretHeader } from "@/features/secrets/components/secret-header";
import { ReadersTable, ReadsNote, UsedByTable } from "@/features/secrets/components/secret-usage";
import { VersionsTable } from "@/features/secrets/components/versions-table";
import { FlashToast } from "@/components/ui/toast";
import { requireActor } from "@/lib/auth/current-actor";
import { config } from "@/lib/config/env";
import { getSecret } from "@/lib/secrets/get-secret";
import { secretAbilities } from "@/lib/secrets/secret-permissions";
import { first, loadOrDeny, pageName, resolveNamespace, type SearchParams } from "../../../../features/console/load";
import { uploadLimit } from "../../../../features/secrets/upload-limit";
import { ObjectHistory } from "@/features/audit/components/object-history";
import { RotationPanel } from "@/features/secrets/components/rotation-panel";
import { ExpiryAlert } from "@/features/secrets/components/rotation-expiry";
import { findRotationPolicy } from "@/lib/rotation/get-rotation-policy";

type Props = { params: Promise<{ name: string }>; searchParams: SearchParams };

const NOTICES: Record<string, (name: string) => string> = {
  created: (name) => `Secret ${name} created.`,
  restored: (name) => `Secret ${name} restored.`,
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function SecretPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const name = pageName((await params).name);
  const query = await searchParams;
  const { ns } = await resolveNamespace(actor, first(query.ns));
  const [result, may] = await Promise.all([loadOrDeny(() => getSecret(actor, ns, name)), secretAbilities(actor, ns)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();

  const secret = result.value;
  const rotation = await findRotationPolicy(actor, ns, secret.name);
  const notice = NOTICES[first(query.notice) ?? ""];
  const canChangeData = may.update && !secret.immutable;
  return (
    <div className="space-y-8">
      {notice ? <FlashToast message={notice(secret.name)} /> : null}
      <SecretHeader
        secret={secret}
        actions={
          <>
            {canChangeData ? <RotateButton ns={ns} name={secret.name} type={secret.type} maxBytes={uploadLimit()} /> : null}
            {may.update ? <EditLabelsButton ns={ns} name={secret.name} labels={secret.labels} /> : null}
            {may.delete ? <DeleteSecretButton ns={ns} name={secret.name} recoveryDays={config().COFFER_RECOVERY_DAYS} /> : null}
          </>
        }
      />
      <ExpiryAlert name={secret.name} expiresAt={secret.expiresAt} />
      <section aria-labelledby="inspect-heading" className="space-y-3">
        <h2 id="inspect-heading" className="sr-only">
          Inspect
        </h2>
        <InspectViews secret={secret} />
      </section>
      <section aria-labelledby="versions-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="versions-heading" className="text-lg font-semibold tracking-tight">
            Versions
          </h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {secret.immutable ? "Immutable: its data never changes." : `The newest ${config().COFFER_MAX_VERSIONS} versions are kept.`}
          </p>
        </div>
        <VersionsTable ns={ns} name={secret.name} versions={secret.versions} canRollBack={canChangeData} />
      </section>
      <section aria-labelledby="rotation-heading" className="space-y-3">
        <h2 id="rotation-heading" className="text-lg font-semibold tracking-tight">
          Rotation
        </h2>
        <RotationPanel ns={ns} name={secret.name} policy={rotation} canChange={canChangeData} expiresAt={secret.expiresAt ?? null} />
      </section>
      <section aria-labelledby="used-by-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="used-by-heading" className="text-lg font-semibold tracking-tight">
            Used by
          </h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Services this secret is bound to.</p>
        </div>
        <UsedByTable ns={ns} name={secret.name} services={secret.boundServices} />
      </section>
      <section aria-labelledby="reads-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="reads-heading" className="text-lg font-semibold tracking-tight">
            Reads
          </h2>
          <ReadsNote lastReadAt={secret.lastReadAt} stale={secret.stale} staleDays={config().COFFER_STALE_DAYS} />
        </div>
        <ReadersTable name={secret.name} reads={secret.reads} />
      </section>
      <ObjectHistory resourceType="secret" resourceId={secret.id} title="History" />
    </div>
  );
}
