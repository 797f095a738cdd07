import { Badge } from "@/components/ui/badge";

/** Labels as `key=value` chips (docker prints a bare key for an empty value). */
export function LabelChips({ labels, empty = null }: { labels: Record<string, string>; empty?: React.ReactNode }) {
  const keys = Object.keys(labels).sort();
  if (!keys.length) return <>{empty}</>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Labels">
      {keys.map((key) => {
        const text = labels[key] ? `${key}=${labels[key]}` : key;
        return (
          <li key={key} className="max-w-full">
            <Badge tone="indigo" className="font-mono" title={text}>
              <span className="min-w-0 truncate">{text}</span>
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
