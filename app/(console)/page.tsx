import type { Metadata } from "next";
import { Database, ScrollText, Users, FolderTree } from "lucide-react";
import { requireActor } from "@/lib/auth/current-actor";
import { getInstanceStatus } from "@/lib/instance/get-instance-status";
import { exactTime } from "@/components/ui/exact-time";

export const metadata: Metadata = { title: "Home" };

function Stat({ label, value, icon: Icon, detail }: { label: string; value: string; icon: typeof Users; detail?: string }) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <div className="flex items-center gap-2 text-sm font-medium text-zinc-500 dark:text-zinc-400">
        <Icon aria-hidden className="size-4" />
        {label}
      </div>
      <div className="mt-2 text-2xl font-semibold tracking-tight" data-testid={`stat-${label.toLowerCase().replace(/\s+/g, "-")}`}>
        {value}
      </div>
      {detail ? <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{detail}</div> : null}
    </div>
  );
}

export default async function HomePage() {
  const actor = await requireActor();
  const status = await getInstanceStatus(actor);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {actor.name}</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">The state of this Coffer instance.</p>
      </div>
      <section aria-label="Instance status" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Database"
          icon={Database}
          value={status.database === "postgresql" ? "PostgreSQL" : "Embedded (PGlite)"}
          detail={status.database === "pglite" ? "Set DATABASE_URL for production" : undefined}
        />
        <Stat label="Users" icon={Users} value={String(status.users)} />
        <Stat label="Namespaces" icon={FolderTree} value={String(status.namespaces)} />
        <Stat
          label="Audit events"
          icon={ScrollText}
          value={String(status.auditEvents)}
          detail={status.lastAuditAt ? `Last at ${exactTime(status.lastAuditAt)}` : undefined}
        />
      </section>
    </div>
  );
}
