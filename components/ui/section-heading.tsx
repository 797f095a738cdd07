/** A page section's heading row: title, a line saying what it is, and its button. */
export function SectionHeading({
  id,
  title,
  children,
  action,
}: {
  id: string;
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 id={id} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {children ? <p className="mt-0.5 text-sm text-zinc-500 dark:text-zinc-400">{children}</p> : null}
      </div>
      {action}
    </div>
  );
}
