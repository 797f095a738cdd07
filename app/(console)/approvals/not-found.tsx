import Link from "next/link";

export default function ApprovalNotFound() {
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">There is no such approval request, or it is not one you can see.</p>
      <Link href="/approvals" className="text-sm font-semibold text-indigo-600 underline dark:text-indigo-400">
        Back to approvals
      </Link>
    </div>
  );
}
