import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import type { DeletedSecret } from "@/lib/secrets/deleted-secrets";
import { PurgeButton } from "./purge-button";
import { RestoreButton } from "./restore-button";

type Props = { ns: string; secrets: DeletedSecret[]; canRestore: boolean; canPurge: boolean };

export function DeletedTable({ ns, secrets, canRestore, canPurge }: Props) {
  return (
    <TableFrame>
      <DataTable
        caption={`Recently deleted secrets in namespace ${ns}`}
        rows={secrets}
        rowKey={(secret) => secret.id}
        rowProps={(secret) => ({ "data-testid": `deleted-row-${secret.name}` })}
        columns={[
          { header: "Name", className: "font-medium text-zinc-900 dark:text-zinc-100", cell: (secret) => secret.name },
          { header: "Type", className: "whitespace-nowrap text-xs", cell: (secret) => secret.type },
          { header: "Deleted", cell: (secret) => <RelativeTime iso={secret.deletedAt} /> },
          {
            header: "By",
            className: "whitespace-nowrap",
            cell: (secret) => secret.deletedBy ?? <span className="text-zinc-500 dark:text-zinc-400">unknown</span>,
          },
          { header: "Purge after", cell: (secret) => <RelativeTime iso={secret.purgeAfter} future /> },
          (canRestore || canPurge) &&
            actionsColumn(
              (secret: DeletedSecret) => (
                <>
                  {canRestore ? <RestoreButton ns={ns} name={secret.name} /> : null}
                  {canPurge ? <PurgeButton ns={ns} name={secret.name} /> : null}
                </>
              ),
              "flex items-start justify-end gap-2",
            ),
        ]}
      />
    </TableFrame>
  );
}
