// The chip look is set once on the list (`*:`), not on every chip: a page
// of 100 secrets with three labels each repeated it 300 times, in the HTML
// and again in the page's RSC payload (issue 17).
const CHIPS =
  "flex flex-wrap gap-1 *:max-w-full *:truncate *:rounded-md *:bg-indigo-50 *:px-1.5 *:py-0.5 *:font-mono *:text-xs *:font-medium *:text-indigo-700 *:ring-1 *:ring-indigo-200 *:ring-inset dark:*:bg-indigo-950/60 dark:*:text-indigo-300 dark:*:ring-indigo-900";

/** Past this many characters a chip may be cut short: it carries its text as a tooltip too. */
const TRUNCATES_AT = 24;

/**
 * Labels as `key=value` chips (docker prints a bare key for an empty value).
 * `bare`: the chips' look comes from an ancestor (the secret table sets it
 * once for all its rows).
 */
export function LabelChips({
  labels,
  empty = null,
  bare = false,
}: {
  labels: Record<string, string>;
  empty?: React.ReactNode;
  bare?: boolean;
}) {
  const keys = Object.keys(labels).sort();
  if (!keys.length) return <>{empty}</>;
  return (
    <ul className={bare ? "flex flex-wrap gap-1" : CHIPS} aria-label="Labels">
      {keys.map((key) => {
        const text = labels[key] ? `${key}=${labels[key]}` : key;
        return (
          // No title at all when short: even an undefined prop is bytes in the RSC payload.
          <li key={key} {...(text.length > TRUNCATES_AT ? { title: text } : {})}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
