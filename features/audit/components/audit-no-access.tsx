import { ShieldAlert } from "lucide-react";

/** What /audit shows a member whose roles do not grant audit:read (the server refuses the data anyway). */
export function AuditNoAccess() {
  return (
    <div
      role="alert"
      data-testid="audit-no-access"
      className="max-w-xl space-y-2 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
    >
      <div className="flex items-center gap-2 text-sm font-semibold text-red-600 dark:text-red-400">
        <ShieldAlert aria-hidden className="size-4" />
        403 · Not allowed
      </div>
      <h1 className="text-xl font-semibold tracking-tight">Audit log</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        Reading the audit trail needs the <code className="font-mono">audit:read</code> permission, which your role does not grant. Ask an
        owner or an admin for the auditor role.
      </p>
    </div>
  );
}
