/** A field group's error, tied to it by id for screen readers. */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: React.ReactNode }) {
  if (error) {
    return (
      <p id={id} className="text-sm text-red-600 dark:text-red-400">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={id} className="text-xs text-zinc-500 dark:text-zinc-400">
      {hint}
    </p>
  ) : null;
}
