"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Boxes, House, KeyRound, Plug, ScrollText, Settings, Users } from "lucide-react";

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
  { href: "/settings", label: "Settings", icon: Settings, needs: null },
] as const;

export function NavLinks({ compact = false, sections }: { compact?: boolean; sections: Section[] }) {
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
          </Link>
        );
      })}
    </nav>
  );
}
