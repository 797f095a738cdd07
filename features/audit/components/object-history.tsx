// The newest events about one object (a secret, a service, a member…), for
// that object's page: <ObjectHistory resourceType="secret" resourceId={id} />.
import "server-only";
import { ArrowRight, History, Lock } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireActor } from "@/lib/auth/current-actor";
import { heldPermissions } from "@/lib/rbac/held-permissions";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { auditHref } from "./audit-query";
import { AuditTable } from "./audit-table";

const LIMIT = 20;

type Props = {
  resourceType: string;
  resourceId: string;
  /** The section's heading; the page decides the words around it. */
  title?: string;
};

function NoAuditRead() {
  return (
    <p
      data-testid="history-no-access"
      className="flex items-center gap-2 rounded-lg bg-zinc-50 px-3 py-2 text-sm text-zinc-600 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-400 dark:ring-zinc-800"
    >
      <Lock aria-hidden className="size-4 shrink-0" />
      You need <code className="font-mono">audit:read</code> to see history.
    </p>
  );
}

async function newestEvents(resourceType: string, resourceId: string) {
  const actor = await requireActor();
  if (!(await heldPermissions(actor)).has("audit:read")) return null;
  try {
    return (await listAuditEvents(actor, parseAuditFilters({ resource: resourceType, resourceId }), { limit: LIMIT })).events;
  } catch (error) {
    // Grants can change between the check above and the query.
    if (error instanceof PermissionDenied) return null;
    throw error;
  }
}

export async function ObjectHistory({ resourceType, resourceId, title = "History" }: Props) {
  const events = await newestEvents(resourceType, resourceId);
  const all = auditHref({ resource: resourceType, resourceId });
  return (
    <section aria-labelledby={`history-${resourceId}`} className="space-y-3" data-testid="object-history">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id={`history-${resourceId}`} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {events ? (
          <Link
            href={all}
            className="inline-flex items-center gap-1 rounded text-sm font-semibold text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
          >
            All events
            <ArrowRight aria-hidden className="size-4" />
          </Link>
        ) : null}
      </div>
      {events === null ? (
        <NoAuditRead />
      ) : events.length ? (
        <>
          <AuditTable events={events} caption={`The newest events for ${resourceType} ${resourceId}`} compact />
          {events.length === LIMIT ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">The newest {LIMIT} events; see all events for the rest.</p>
          ) : null}
        </>
      ) : (
        <EmptyState icon={History} title="No events yet">
          Everything done to this {resourceType} from now on is recorded here.
        </EmptyState>
      )}
    </section>
  );
}
