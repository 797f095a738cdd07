import { LinkIcon } from "lucide-react";
import Link from "next/link";
import { RoundIcon } from "./round-icon";

/**
 * What a one-time link (an invite, a password reset) shows once it is used,
 * revoked or expired: why, and who can give a new one; never a form that
 * would fail.
 */
export function SpentLink({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-4 text-center">
      <RoundIcon icon={LinkIcon} tone="amber" className="mx-auto" />
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{children}</p>
      <Link href="/login" className="inline-block text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
        Go to sign-in
      </Link>
    </div>
  );
}
