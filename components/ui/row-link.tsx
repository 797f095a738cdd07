import Link from "next/link";

const look =
  "font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400";

/** A row's name linking to its page: dark text that turns indigo and underlined on hover. */
export function RowLink({ href, className, children }: { href: string; className?: string; children: React.ReactNode }) {
  return (
    <Link href={href} className={className ? `${className} ${look}` : look}>
      {children}
    </Link>
  );
}
