import Link from "next/link";
import { KeyRound } from "lucide-react";
import { NavLinks } from "@/features/console/components/nav-links";
import { ApprovalRequests } from "@/features/approvals/components/approval-requests";
import { GeneratedKeyBanner } from "@/features/keys/components/generated-key-banner";
import { UserMenu } from "@/features/console/components/user-menu";
import { EnrollmentGate } from "@/features/console/components/enrollment-gate";
import { enrollmentMessage, owedEnrollment } from "@/lib/auth/mfa/second-factor-policy";
import { requireActor } from "@/lib/auth/current-actor";
import { pendingApprovalCount } from "@/lib/approvals/list-approvals";
import { grantablePermissions } from "@/lib/tokens/create-access-token";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { cookies } from "next/headers";
import { ToastProvider } from "@/components/ui/toast";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // Pages check access again themselves: layouts do not re-run on navigation.
  const actor = await requireActor({ enrolling: true });
  // Display only: each page and action checks its own permission again.
  const held = await grantablePermissions(actor);
  const sections = (
    [
      ["secrets", "secret:list"],
      ["services", "service:list"],
      ["integrations", "integration:manage"],
      ["team", "member:list"],
      ["audit", "audit:read"],
    ] as const
  )
    .filter(([, permission]) => held.includes(permission))
    .map(([section]) => section);
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // One query: a role requiring a second factor the member does not have yet (issue 16).
  const owed = await owedEnrollment(actor.id);
  // One count: the requests waiting for this member's decision (the nav's badge).
  const toDecide = await pendingApprovalCount(actor);
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-56 shrink-0 border-r border-zinc-200 bg-white px-3 py-4 md:block dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="mb-6 flex items-center gap-2 px-2 text-base font-semibold tracking-tight">
          <KeyRound aria-hidden className="size-5 text-indigo-600 dark:text-indigo-400" />
          Coffer
        </Link>
        <NavLinks sections={sections} toDecide={toDecide} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="md:hidden">
            <NavLinks compact sections={sections} toDecide={toDecide} />
          </div>
          <div className="ml-auto">
            <UserMenu name={actor.name} email={actor.label} theme={theme} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-8">
          <GeneratedKeyBanner actor={actor} />
          {/* One place for toasts, so a confirmation survives the move to another section (a delete's redirect). */}
          <ToastProvider>
            <ApprovalRequests>
              <EnrollmentGate message={owed ? enrollmentMessage(owed) : null}>{children}</EnrollmentGate>
            </ApprovalRequests>
          </ToastProvider>
        </main>
      </div>
    </div>
  );
}
