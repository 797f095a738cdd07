import { ChevronRight, Lock } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { SecretDetail } from "@/lib/secrets/secret-dto";
import { secretsHref } from "./secret-hrefs";

/** Breadcrumb, name, type and immutability badges, and the ID to copy. */
export function SecretHeader({ secret, actions }: { secret: SecretDetail; actions: React.ReactNode }) {
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb">
        <ol className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
          <li>
            <Link
              href={secretsHref(secret.namespace)}
              className="rounded hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
            >
              Secrets
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5" />
          </li>
          <li>{secret.namespace}</li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="break-all text-2xl font-semibold tracking-tight">{secret.name}</h1>
            <Badge>{secret.type}</Badge>
            {secret.immutable ? (
              <Badge tone="amber">
                <Lock aria-hidden className="size-3" />
                immutable
              </Badge>
            ) : null}
          </div>
          <div className="flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
            <span>ID</span>
            <code className="break-all font-mono text-xs text-zinc-700 dark:text-zinc-300">{secret.id}</code>
            <CopyButton text={secret.id} label="Copy secret ID" />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">{actions}</div>
      </div>
    </div>
  );
}
