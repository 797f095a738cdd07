import { History, KeyRound, SearchX } from "lucide-react";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateSecretButton } from "@/features/secrets/components/create-secret-button";
import { NamespaceSwitcher } from "@/features/secrets/components/namespace-switcher";
import { SecretFilters } from "@/features/secrets/components/secret-filters";
import { deletedHref, secretsHref } from "@/features/secrets/components/secret-hrefs";
import { ListPager } from "@/features/secrets/components/list-pager";
import { parseSort, type Sort } from "@/features/secrets/components/secret-sort";
import { SecretTable } from "@/features/secrets/components/secret-table";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { FlashToast } from "@/components/ui/toast";
import { requireActor } from "@/lib/auth/current-actor";
import { config } from "@/lib/config/env";
import { DomainError } from "@/lib/errors";
import { listSecretsPage, parseSecretFilters, type SecretFilters as Filters } from "@/lib/secrets/list-secrets";
import { secretAbilities } from "@/lib/secrets/secret-permissions";
import { first, loadOrDeny, resolveNamespace, type SearchParams } from "../../../features/console/load";
import { uploadLimit } from "../../../features/secrets/upload-limit";

export const metadata: Metadata = { title: "Secrets" };

// One page in SQL (issue 17): 14,000 rows rendered at once were 87 MB of HTML.
const PAGE_SIZE = 100;

function filtersFrom(name: string, label: string, stale: boolean): { filters: Filters; error?: string } {
  try {
    return {
      filters: parseSecretFilters([
        ...(name ? [`name=${name}`] : []),
        ...(label ? [`label=${label}`] : []),
        ...(stale ? ["stale=true"] : []),
      ]),
    };
  } catch (error) {
    if (error instanceof DomainError)
      return { filters: { labels: [], stale: stale || undefined }, error: `Label filter: use key or key=value (${error.message}).` };
    throw error;
  }
}

function deletedNotice(name: string | undefined): string {
  const days = config().COFFER_RECOVERY_DAYS;
  return `Secret ${name ?? ""} deleted. It can be restored from Recently deleted for ${days} ${days === 1 ? "day" : "days"}.`;
}

export default async function SecretsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = await searchParams;
  const { ns, namespaces } = await resolveNamespace(actor, first(query.ns));
  const name = first(query.name)?.trim() ?? "";
  const label = first(query.label)?.trim() ?? "";
  // "Stale only": not read in COFFER_STALE_DAYS (lib's stale=true filter).
  const stale = first(query.stale) === "true";
  const staleDays = config().COFFER_STALE_DAYS;
  const sort = parseSort(first(query.sort), first(query.dir));
  const { filters, error: filterError } = filtersFrom(name, label, stale);
  const page = { limit: PAGE_SIZE, cursor: first(query.cursor), before: first(query.before), sort, count: true };
  const [result, may] = await Promise.all([loadOrDeny(() => listSecretsPage(actor, ns, filters, page)), secretAbilities(actor, ns)]);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!result.ok) forbidden();
  const kept = { name, label, stale: stale ? "true" : undefined, sort: first(query.sort), dir: first(query.dir) };
  const sortHref = (next: Sort) => secretsHref(ns, { ...kept, sort: next.key, dir: next.dir });
  const pageHref = (at: { cursor?: string; before?: string }) => secretsHref(ns, { ...kept, ...at });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Secrets</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            Write-only values for your services. Nobody reads a value back here: only metadata is shown.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <NamespaceSwitcher namespaces={namespaces.map((n) => n.name)} current={ns} />
          <Link
            href={deletedHref(ns)}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-2 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
          >
            <History aria-hidden className="size-4" />
            Recently deleted
          </Link>
          {may.create ? <CreateSecretButton ns={ns} maxBytes={uploadLimit()} /> : null}
        </div>
      </div>

      {first(query.notice) === "deleted" ? <FlashToast message={deletedNotice(first(query.secret))} params={["notice", "secret"]} /> : null}

      {
        <>
          {result.value.total || name || label || stale ? (
            <SecretFilters
              ns={ns}
              name={name}
              label={label}
              stale={stale}
              staleDays={staleDays}
              sort={first(query.sort)}
              dir={first(query.dir)}
            />
          ) : null}
          {filterError ? <Alert tone="warning">{filterError}</Alert> : null}
          {result.value.secrets.length ? (
            <>
              <SecretTable ns={ns} secrets={result.value.secrets} sort={sort} sortHref={sortHref} staleDays={staleDays} />
              <ListPager
                noun="secrets"
                total={result.value.total ?? result.value.secrets.length}
                offset={result.value.offset ?? 0}
                totalCapped={result.value.totalCapped}
                offsetCapped={result.value.offsetCapped}
                shown={result.value.secrets.length}
                prevHref={result.value.prevCursor ? pageHref({ before: result.value.prevCursor }) : null}
                nextHref={result.value.nextCursor ? pageHref({ cursor: result.value.nextCursor }) : null}
              />
            </>
          ) : name || label || stale ? (
            <EmptyState
              icon={SearchX}
              title="No secrets match these filters"
              action={
                <Link href={secretsHref(ns)} className="text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
                  Clear filters
                </Link>
              }
            >
              {name || label
                ? `Nothing in namespace ${ns} has a name starting with the text or the label you asked for${stale ? `, among the secrets not read in ${staleDays} days` : ""}.`
                : `Every secret in namespace ${ns} was read, or created, in the last ${staleDays} days.`}
            </EmptyState>
          ) : (
            <EmptyState
              icon={KeyRound}
              title={`No secrets in namespace ${ns} yet`}
              action={may.create ? <CreateSecretButton ns={ns} maxBytes={uploadLimit()} variant="secondary" /> : null}
            >
              {may.create
                ? "Create one from text, a file, or a generated random value; then bind it to a service."
                : "Someone with the editor role in this namespace can create one."}
            </EmptyState>
          )}
        </>
      }
    </div>
  );
}
