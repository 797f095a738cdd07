import { ArrowLeft, Trash2 } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { DeletedTable } from "@/features/secrets/components/deleted-table";
import { NamespaceSwitcher } from "@/features/secrets/components/namespace-switcher";
import { secretsHref } from "@/features/secrets/components/secret-hrefs";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/current-actor";
import { config } from "@/lib/config/env";
import { listDeletedSecrets } from "@/lib/secrets/deleted-secrets";
import { secretAbilities } from "@/lib/secrets/secret-permissions";
import { first, loadOrDeny, resolveNamespace, type SearchParams } from "../../../../features/console/load";

export const metadata: Metadata = { title: "Recently deleted secrets" };

export default async function DeletedSecretsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const { ns, namespaces } = await resolveNamespace(actor, first((await searchParams).ns));
  const [result, may] = await Promise.all([loadOrDeny(() => listDeletedSecrets(actor, ns)), secretAbilities(actor, ns)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  const days = config().COFFER_RECOVERY_DAYS;

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <Link
          href={secretsHref(ns)}
          className="inline-flex items-center gap-1 rounded text-sm text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:text-white"
        >
          <ArrowLeft aria-hidden className="size-4" />
          Secrets
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Recently deleted</h1>
            <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
              Deleted secrets can be restored for {days} {days === 1 ? "day" : "days"}; then they are purged for good. Their names stay
              reserved meanwhile.
            </p>
          </div>
          <NamespaceSwitcher namespaces={namespaces.map((n) => n.name)} current={ns} action="/secrets/deleted" />
        </div>
      </div>
      {result.value.length ? (
        <DeletedTable ns={ns} secrets={result.value} canRestore={may.delete} canPurge={may.purge} />
      ) : (
        <EmptyState
          icon={Trash2}
          title={`Nothing deleted in namespace ${ns}`}
          action={
            <Link href={secretsHref(ns)} className="text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
              Back to secrets
            </Link>
          }
        >
          Secrets you delete wait here for {days} {days === 1 ? "day" : "days"} before they are purged, in case you need them back.
        </EmptyState>
      )}
    </div>
  );
}
