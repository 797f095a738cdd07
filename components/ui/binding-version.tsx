import { Badge } from "@/components/ui/badge";

/** The version a binding delivers, and whether it is pinned there or follows the secret's current version. */
export function BindingVersion({ version, pinned }: { version: number; pinned: boolean }) {
  return (
    <>
      <span className="font-medium text-zinc-900 dark:text-zinc-100">{version}</span>
      {pinned ? (
        <Badge tone="amber" className="ml-2" title="Pinned: rotations do not reach this service until the binding changes">
          pinned
        </Badge>
      ) : (
        <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400" title="Follows the secret's current version">
          current
        </span>
      )}
    </>
  );
}
