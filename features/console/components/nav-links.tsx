"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Boxes, House, KeyRound, Plug, ScrollText, Settings, Stamp, Users } from "lucide-react";

export type Section = "secrets" | "services" | "integrations" | "team" | "audit";

// Home and Settings (your own API tokens) are for everyone; the others
// appear only for members who hold the permission to list them somewhere.
const SECTIONS = [
  { href: "/", label: "Home", icon: House, needs: null },
  { href: "/secrets", label: "Secrets", icon: KeyRound, needs: "secrets" },
  { href: "/services", label: "Services", icon: Boxes, needs: "services" },
  { href: "/integrations", label: "Integrations", icon: Plug, needs: "integrations" },
  { href: "/team", label: "Team", icon: Users, needs: "team" },
  { href: "/audit", label: "Audit", icon: ScrollText, needs: "audit" },
  // Anyone may request an approval; the badge counts what waits for this member's decision.
  { href: "/approvals", label: "Approvals", icon: Stamp, needs: null },
  { href: "/settings", label: "Settings", icon: Settings, needs: null },
] as const;

export function NavLinks({ compact = false, sections, toDecide = 0 }: { compact?: boolean; sections: Section[]; toDecide?: number }) {
  const pathname = usePathname();
  const visible = SECTIONS.filter((s) => s.needs === null || sections.includes(s.needs));
  return (
    <nav aria-label="Sections" className={compact ? "flex flex-wrap gap-1" : "space-y-1"}>
      {visible.map(({ href, label, icon: Icon }) => {
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
            {href === "/approvals" && toDecide > 0 ? (
              <span
                data-testid="approvals-badge"
                className="ml-auto rounded-full bg-indigo-600 px-1.5 text-xs font-semibold tabular-nums text-white dark:bg-indigo-500"
              >
                {toDecide > 99 ? "99+" : toDecide}
                <span className="sr-only"> waiting for your decision</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
