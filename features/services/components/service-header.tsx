import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { LabelChips } from "@/features/secrets/components/label-chips";
import { CopyButton } from "@/components/ui/copy-button";
import type { ServiceSummary } from "@/lib/services/service-dto";
import { servicesHref } from "./service-hrefs";

/** Breadcrumb, name, description, labels and the ID to copy. */
export function ServiceHeader({ service, actions }: { service: ServiceSummary; actions: React.ReactNode }) {
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb">
        <ol className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
          <li>
            <Link
              href={servicesHref(service.namespace)}
              className="rounded hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
            >
              Services
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5" />
          </li>
          <li>{service.namespace}</li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="break-all text-2xl font-semibold tracking-tight">{service.name}</h1>
          {service.description ? (
            <p className="max-w-2xl whitespace-pre-line text-sm text-zinc-600 dark:text-zinc-400">{service.description}</p>
          ) : null}
          <LabelChips labels={service.labels} />
          <div className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
            <span>ID</span>
            <code className="break-all font-mono text-xs text-zinc-700 dark:text-zinc-300">{service.id}</code>
            <CopyButton text={service.id} label="Copy service ID" />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">{actions}</div>
      </div>
    </div>
  );
}
