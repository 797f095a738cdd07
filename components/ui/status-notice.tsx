import Link from "next/link";

/**
 * The one design for a page that is not there (404) or not for this member (403):
 * the root, console and sign-in boundaries all render it, so every refusal looks the same.
 */
export function StatusNotice({
  code,
  title,
  children,
  backHref = "/",
  backLabel = "Back to Coffer",
}: {
  code: 403 | 404;
  title: string;
  children: React.ReactNode;
  backHref?: string;
  backLabel?: string;
}) {
  return (
    <div data-testid={`status-${code}`} className="flex flex-col items-center gap-3 py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">{code}</p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="max-w-md space-y-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      <Link href={backHref} className="text-sm font-semibold text-indigo-700 underline dark:text-indigo-300">
        {backLabel}
      </Link>
    </div>
  );
}

/** The 404 every boundary shows; a segment may say what is missing and where to go back to. */
export function PageNotFound({ children, backHref, backLabel }: { children?: React.ReactNode; backHref?: string; backLabel?: string }) {
  return (
    <StatusNotice code={404} title="Page not found" backHref={backHref} backLabel={backLabel}>
      <p>{children ?? "There is nothing at this address."}</p>
    </StatusNotice>
  );
}
