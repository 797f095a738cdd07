import { Plus, Trash2 } from "lucide-react";

export function RemoveRowButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex size-9 shrink-0 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:invisible dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-red-400"
    >
      <Trash2 aria-hidden className="size-4" />
    </button>
  );
}

export function AddRowButton({ children, onClick }: { children: React.ReactNode; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex items-center gap-1 rounded-md px-1 py-1 text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-400 dark:hover:text-indigo-300"
    >
      <Plus aria-hidden className="size-4" />
      {children}
    </button>
  );
}
