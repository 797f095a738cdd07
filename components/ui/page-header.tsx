import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { CopyButton } from "./copy-button";

/** Where a detail page sits: a link up to its list, then where the object lives (a namespace, a section). */
export type Breadcrumb = { href: string; label: string; here: string };

/** A detail page's head: breadcrumb, the object's own content (name, badges…), and its buttons on the right. */
export function PageHeader({
  breadcrumb,
  actions,
  children,
}: {
  breadcrumb: Breadcrumb;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb">
        <ol className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
          <li>
            <Link
              href={breadcrumb.href}
              className="rounded hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
            >
              {breadcrumb.label}
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5" />
          </li>
          <li>{breadcrumb.here}</li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        {children}
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}

/** "ID <code> [copy]" under an object's name; `label` names the copy button for screen readers. */
export function CopyableId({ id, label }: { id: string; label: string }) {
  return (
    <div className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
      <span>ID</span>
      <code className="break-all font-mono text-xs text-zinc-700 dark:text-zinc-300">{id}</code>
      <CopyButton text={id} label={label} />
    </div>
  );
}
