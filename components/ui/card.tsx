/** The console's surface: a white (zinc-900 in dark mode) rounded card with a hairline ring. */
export function Card({ className = "", ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={`rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800 ${className}`} {...props} />
  );
}
