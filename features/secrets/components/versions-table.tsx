import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { humanSize } from "@/lib/cli/format/size";
import type { VersionInfo } from "@/lib/secrets/secret-dto";
import { RollbackButton } from "./rollback-button";

type Props = { ns: string; name: string; versions: VersionInfo[]; canRollBack: boolean };

/** Every kept version, newest first; rolling back writes a new version with the old data. */
export function VersionsTable({ ns, name, versions, canRollBack }: Props) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Versions of secret {name}</caption>
        <THead>
          <tr>
            <Th>Version</Th>
            <Th>Created</Th>
            <Th>By</Th>
            <Th>Keys</Th>
            <Th className="text-right">Size</Th>
            {canRollBack ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {versions.map((v) => (
            <Tr key={v.version} data-testid={`version-row-${v.version}`}>
              <Td className="whitespace-nowrap tabular-nums">
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{v.version}</span>
                {v.current ? (
                  <Badge tone="green" className="ml-2">
                    current
                  </Badge>
                ) : null}
              </Td>
              <Td>
                <RelativeTime iso={v.createdAt} />
              </Td>
              <Td className="whitespace-nowrap">{v.createdBy ?? <span className="text-zinc-400">coffer</span>}</Td>
              <Td className="font-mono text-xs">{v.keys.map((k) => k.name).join(", ")}</Td>
              <Td className="text-right tabular-nums">{humanSize(v.sizeBytes)}</Td>
              {canRollBack ? (
                <Td className="text-right">{v.current ? null : <RollbackButton ns={ns} name={name} version={v.version} />}</Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
