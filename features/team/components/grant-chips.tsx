import { Badge } from "@/components/ui/badge";
import { grantLabel } from "./grant-label";

type Grant = { id: string; role: string; namespace: string | null };

export function GrantChips({ grants }: { grants: Grant[] }) {
  if (!grants.length) return <span className="text-xs text-zinc-500 dark:text-zinc-400">no role</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Roles">
      {grants.map((grant) => (
        <li key={grant.id} className="max-w-full">
          <Badge tone={grant.namespace ? "neutral" : "indigo"}>{grantLabel(grant)}</Badge>
        </li>
      ))}
    </ul>
  );
}
