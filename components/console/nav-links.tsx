"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { House, KeyRound } from "lucide-react";

// Sections appear here as they are built (secrets, services, team, audit…).
const SECTIONS = [
  { href: "/", label: "Home", icon: House },
  { href: "/secrets", label: "Secrets", icon: KeyRound },
];

export function NavLinks({ compact = false }: { compact?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className={compact ? "flex gap-1" : "space-y-1"}>
      {SECTIONS.map(({ href, label, icon: Icon }) => {
        const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium ${
              active
                ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-white"
                : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
            }`}
          >
            <Icon aria-hidden className="size-4" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
