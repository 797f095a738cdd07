import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/" className="text-sm font-semibold text-indigo-600 underline dark:text-indigo-400">
        Back to Coffer
      </Link>
    </main>
  );
}
