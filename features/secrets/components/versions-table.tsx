import { Badge } from "@/components/ui/badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import { humanSize } from "@/packages/contracts/src/format/size";
import type { VersionInfo } from "@/lib/secrets/secret-dto";
import { RollbackButton } from "./rollback-button";

type Props = { ns: string; name: string; versions: VersionInfo[]; canRollBack: boolean };

/** Every kept version, newest first; rolling back writes a new version with the old data. */
export function VersionsTable({ ns, name, versions, canRollBack }: Props) {
  return (
    <TableFrame>
      <DataTable
        caption={`Versions of secret ${name}`}
        rows={versions}
        rowKey={(v) => v.version}
        rowProps={(v) => ({ "data-testid": `version-row-${v.version}` })}
        columns={[
          {
            header: "Version",
            className: "whitespace-nowrap tabular-nums",
            cell: (v) => (
              <>
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{v.version}</span>
                {v.current ? (
                  <Badge tone="green" className="ml-2">
                    current
                  </Badge>
                ) : null}
              </>
            ),
          },
          { header: "Created", cell: (v) => <RelativeTime iso={v.createdAt} /> },
          {
            header: "By",
            className: "whitespace-nowrap",
            cell: (v) => v.createdBy ?? <span className="text-zinc-500 dark:text-zinc-400">coffer</span>,
          },
          { header: "Keys", className: "font-mono text-xs", cell: (v) => v.keys.map((k) => k.name).join(", ") },
          { header: "Size", numeric: true, cell: (v) => humanSize(v.sizeBytes) },
          canRollBack && actionsColumn((v: VersionInfo) => (v.current ? null : <RollbackButton ns={ns} name={name} version={v.version} />)),
        ]}
      />
    </TableFrame>
  );
}
