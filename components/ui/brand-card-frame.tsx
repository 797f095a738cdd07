import { KeyRound } from "lucide-react";

/**
 * The Coffer mark above a card, centred on the screen: the frame of the sign-in pages
 * (app/(auth)/layout.tsx uses it) and of the root 404, so every 404 looks the same.
 */
export function BrandCardFrame({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2 text-xl font-semibold tracking-tight">
          <KeyRound aria-hidden className="size-6 text-indigo-600 dark:text-indigo-400" />
          Coffer
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">{children}</div>
      </div>
    </main>
  );
}
