import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeletedSecret } from "@/lib/secrets/deleted-secrets";
import { PurgeButton } from "./purge-button";
import { RestoreButton } from "./restore-button";

type Props = { ns: string; secrets: DeletedSecret[]; canRestore: boolean; canPurge: boolean };

export function DeletedTable({ ns, secrets, canRestore, canPurge }: Props) {
  const actions = canRestore || canPurge;
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Recently deleted secrets in namespace {ns}</caption>
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Deleted</Th>
            <Th>By</Th>
            <Th>Purge after</Th>
            {actions ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {secrets.map((secret) => (
            <Tr key={secret.id} data-testid={`deleted-row-${secret.name}`}>
              <Td className="font-medium text-zinc-900 dark:text-zinc-100">{secret.name}</Td>
              <Td className="whitespace-nowrap text-xs">{secret.type}</Td>
              <Td>
                <RelativeTime iso={secret.deletedAt} />
              </Td>
              <Td className="whitespace-nowrap">{secret.deletedBy ?? <span className="text-zinc-400">unknown</span>}</Td>
              <Td>
                <RelativeTime iso={secret.purgeAfter} />
              </Td>
              {actions ? (
                <Td>
                  <div className="flex items-start justify-end gap-2">
                    {canRestore ? <RestoreButton ns={ns} name={secret.name} /> : null}
                    {canPurge ? <PurgeButton ns={ns} name={secret.name} /> : null}
                  </div>
                </Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
