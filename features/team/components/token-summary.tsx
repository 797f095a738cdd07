import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AccessTokenInfo } from "@/lib/tokens/access-token-dto";

function isActive(token: AccessTokenInfo): boolean {
  return !token.revokedAt && !(token.expiresAt && Date.parse(token.expiresAt) <= Date.now());
}

/** A few lines about the member's own API tokens; they are managed on the settings page. */
export function TokenSummary({ tokens }: { tokens: AccessTokenInfo[] }) {
  const active = tokens.filter(isActive);
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {active.length === 0
          ? "You have no active API tokens. Create one for the coffer CLI or a script."
          : `You have ${active.length} active API ${active.length === 1 ? "token" : "tokens"}.`}
      </p>
      {active.length ? (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {active.slice(0, 5).map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="flex min-w-0 items-center gap-2">
                <span className="truncate font-medium">{token.name}</span>
                <code className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{token.prefix}…</code>
              </span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                {token.lastUsedAt ? (
                  <>
                    used <RelativeTime iso={token.lastUsedAt} />
                  </>
                ) : (
                  "never used"
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Link
        href="/settings/tokens"
        className="inline-flex items-center gap-1 rounded text-sm font-semibold text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
      >
        Manage API tokens
        <ArrowRight aria-hidden className="size-4" />
      </Link>
    </div>
  );
}
