import { ShieldAlert } from "lucide-react";
import Link from "next/link";

/** What a page shows instead of its content when lib refuses with a 403. */
export function PermissionDenied({ message, backHref, backLabel }: { message: string; backHref?: string; backLabel?: string }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-xl bg-amber-50 p-5 ring-1 ring-amber-200 dark:bg-amber-950/40 dark:ring-amber-900"
    >
      <ShieldAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600 dark:text-amber-400" />
      <div className="space-y-1 text-sm">
        <h2 className="font-semibold text-amber-900 dark:text-amber-100">Permission required</h2>
        <p className="text-amber-900/90 dark:text-amber-100/90">{message}</p>
        <p className="text-amber-900/70 dark:text-amber-200/70">Ask an owner or admin for a role that grants it.</p>
        {backHref ? (
          <Link href={backHref} className="inline-block pt-1 font-semibold text-amber-900 underline dark:text-amber-100">
            {backLabel ?? "Back"}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
