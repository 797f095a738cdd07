"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TeamTab = { href: string; label: string };

function isActive(pathname: string, href: string): boolean {
  // Members is the section's root: it also owns /team/members/<id>.
  if (href === "/team") return pathname === "/team" || pathname.startsWith("/team/members");
  return pathname.startsWith(href);
}

/** The Team section's tabs: one route each, so every tab has its own address. */
export function TeamTabs({ tabs }: { tabs: TeamTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Team" className="mt-4 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => {
        const active = isActive(pathname, tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              active
                ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                : "border-transparent text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
