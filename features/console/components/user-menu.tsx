"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { logoutAction } from "@/features/console/logout-action";
import { THEME_COOKIE, type Theme } from "@/lib/theme";

const THEME_OPTIONS: { value: Theme; label: string; icon: typeof Sun }[] = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
];

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("system", "light", "dark");
  root.classList.add(theme);
  root.dataset.theme = theme;
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

const itemClass =
  "flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function UserMenu({ name, email, theme: initial }: { name: string; email: string; theme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-800"
        aria-label="User menu"
      >
        <span className="flex size-7 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white" aria-hidden>
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{name}</span>
        <ChevronDown aria-hidden className="size-4 text-zinc-500" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg bg-white p-1 text-zinc-900 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-800"
        >
          <div className="px-2 py-1.5">
            <div className="text-sm font-medium">{name}</div>
            <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{email}</div>
          </div>
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <Menu.Item asChild className={itemClass}>
            <Link href="/profile">
              <UserRound aria-hidden className="size-4" />
              Profile
            </Link>
          </Menu.Item>
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <Menu.Label className="px-2 py-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">Theme</Menu.Label>
          <Menu.RadioGroup
            value={theme}
            onValueChange={(value) => {
              setTheme(value as Theme);
              applyTheme(value as Theme);
            }}
          >
            {THEME_OPTIONS.map(({ value, label, icon: Icon }) => (
              <Menu.RadioItem key={value} value={value} className={itemClass}>
                <Icon aria-hidden className="size-4" />
                {label}
                <Menu.ItemIndicator className="ml-auto text-indigo-600 dark:text-indigo-400">✓</Menu.ItemIndicator>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <Menu.Item className={itemClass} onSelect={() => void logoutAction()}>
            <LogOut aria-hidden className="size-4" />
            Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
