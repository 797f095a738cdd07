// How one audit event's parts read, in the table and in the detail dialog.
import { Bot, Cpu, Plug, UserRound, UserX, type LucideIcon } from "lucide-react";
import type { AuditEventDto } from "@/lib/audit/audit-event-dto";

const outcomeTones: Record<string, string> = {
  success: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-900",
  denied: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-900",
  error: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-900",
};

/** success green, denied amber, error red (the Badge primitive has no red). */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span
      data-testid="outcome"
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${outcomeTones[outcome] ?? outcomeTones.error}`}
    >
      {outcome}
    </span>
  );
}

const actorIcons: Record<string, { icon: LucideIcon; label: string }> = {
  user: { icon: UserRound, label: "person" },
  service: { icon: Bot, label: "service" },
  integration: { icon: Plug, label: "integration" },
  system: { icon: Cpu, label: "Coffer itself" },
  anonymous: { icon: UserX, label: "not signed in" },
};

export function actorText(actor: AuditEventDto["actor"]): string {
  return actor.label ?? actor.id ?? (actor.type === "anonymous" ? "anonymous" : actor.type);
}

export function ActorLabel({ actor }: { actor: AuditEventDto["actor"] }) {
  const kind = actorIcons[actor.type] ?? actorIcons.anonymous!;
  const Icon = kind.icon;
  return (
    <span className="inline-flex min-w-0 items-center gap-2" title={`${actorText(actor)} (${actor.type}${actor.id ? ` ${actor.id}` : ""})`}>
      <Icon aria-label={kind.label} role="img" className="size-4 shrink-0 text-zinc-400" />
      <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{actorText(actor)}</span>
    </span>
  );
}

/** "secret: db_pw"; the id stands in for a missing name; null when there is no resource. */
export function resourceText(resource: AuditEventDto["resource"]): string | null {
  const name = resource.name ?? (resource.id ? resource.id.slice(0, 12) : null);
  if (!resource.type) return name;
  return name ? `${resource.type}: ${name}` : resource.type;
}
