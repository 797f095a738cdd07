import { ScrollText, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AuditCharts } from "@/features/audit/components/audit-charts";
import { AuditFilterForm } from "@/features/audit/components/audit-filter-form";
import { AuditPagination } from "@/features/audit/components/audit-pagination";
import {
  auditHref,
  firstPage,
  hasFilters,
  periodLabel,
  readAuditQuery,
  resolvedFilters,
  type AuditQuery,
} from "@/features/audit/components/audit-query";
import { AuditTable } from "@/features/audit/components/audit-table";
import { DownloadLinks } from "@/features/audit/components/download-links";
import { NewEventsIndicator } from "@/features/audit/components/new-events-indicator";
import { VerifyPanel } from "@/features/audit/components/verify-panel";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { auditStats } from "@/lib/audit/audit-stats";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { auditPublicKey, latestCheckpoint } from "@/lib/audit/log/proofs";
import { latestAuditVerify } from "@/lib/audit/verify-job";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-actor";
import { BadRequest } from "@/lib/errors";
import { listNamespaces } from "@/lib/namespaces/list-namespaces";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { heldPermissions } from "@/lib/rbac/held-permissions";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Everything the page shows, or why it cannot: a bad filter (400) or no audit:read (403). */
async function load(actor: Actor, query: AuditQuery, filterParams: Record<string, string>) {
  try {
    const filters = parseAuditFilters(filterParams);
    const [page, stats, verification, checkpoint, publicKey, namespaces] = await Promise.all([
      listAuditEvents(actor, filters, { cursor: query.cursor }),
      auditStats(actor, filters),
      latestAuditVerify(actor),
      latestCheckpoint(actor),
      auditPublicKey(actor),
      listNamespaces(actor),
    ]);
    return { ok: true as const, page, stats, verification, checkpoint, publicKey, namespaces: namespaces.map((n) => n.name) };
  } catch (error) {
    if (error instanceof PermissionDenied) return { ok: false as const, denied: true };
    if (error instanceof BadRequest) return { ok: false as const, denied: false, message: error.message };
    throw error;
  }
}

function Header({ actions }: { actions?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="max-w-xl">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          Every action, read, sign-in and denial, in order. Events are never changed or deleted, and each is sealed into a signed tree
          within a second.
        </p>
      </div>
      {actions}
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const held = await heldPermissions(actor);
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!held.has("audit:read")) forbidden();

  const query = readAuditQuery(await searchParams);
  const filterParams = resolvedFilters(query);
  const result = await load(actor, query, filterParams);
  if (!result.ok && result.denied) forbidden();
  const canExport = held.has("audit:export");
  const filtered = hasFilters(query);
  const formKey = auditHref(firstPage(query));

  if (!result.ok) {
    return (
      <div className="space-y-6">
        <Header />
        <AuditFilterForm key={formKey} query={query} namespaces={[]} />
        <Alert>
          This view cannot be shown: {result.message}.{" "}
          <Link href="/audit" className="font-semibold underline">
            Clear filters
          </Link>
        </Alert>
      </div>
    );
  }

  const { page, stats, verification, checkpoint, publicKey, namespaces } = result;
  return (
    <div className="space-y-6">
      <Header actions={canExport ? <DownloadLinks filters={filterParams} /> : undefined} />
      <VerifyPanel job={verification} checkpoint={checkpoint} publicKey={publicKey} />
      <AuditFilterForm key={formKey} query={query} namespaces={namespaces} />
      <AuditCharts stats={stats} period={periodLabel(query)} />

      <section aria-labelledby="events-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="events-heading" className="text-lg font-semibold tracking-tight">
              Events
            </h2>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {query.cursor ? `Older events, before #${query.cursor}.` : "Newest first."} Open an event for every field and its leaf in the
              tree.
            </p>
          </div>
          {!query.cursor ? (
            <NewEventsIndicator key={page.newestSeq ?? "none"} filters={filterParams} newestSeq={page.newestSeq ?? "0"} />
          ) : null}
        </div>
        {page.events.length ? (
          <AuditTable events={page.events} caption="Audit events, newest first" />
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title="No events match these filters"
            action={
              <Link href="/audit" className="text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
                Clear filters
              </Link>
            }
          >
            Try a wider time range, a group of actions instead of one, or part of a name in the search box.
          </EmptyState>
        ) : (
          <EmptyState icon={ScrollText} title={query.cursor ? "No older events" : "No events yet"}>
            Sign-ins, changes to secrets, reads by services and every denied attempt appear here as they happen.
          </EmptyState>
        )}
        <AuditPagination query={query} nextCursor={page.nextCursor} />
      </section>
    </div>
  );
}
