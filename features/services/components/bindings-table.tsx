import Link from "next/link";
import { secretHref } from "@/features/secrets/components/secret-hrefs";
import { Badge } from "@/components/ui/badge";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { BindingInfo } from "@/lib/services/service-dto";
import { RemoveBindingButton } from "./remove-binding-button";

type Props = { ns: string; service: string; bindings: BindingInfo[]; canManage: boolean };

const none = <span className="text-zinc-400">—</span>;

/** What `docker service inspect` lists under Secrets, plus env, key and version. */
export function BindingsTable({ ns, service, bindings, canManage }: Props) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Secrets bound to service {service}</caption>
        <THead>
          <tr>
            <Th>Secret</Th>
            <Th>Target</Th>
            <Th className="text-right">UID</Th>
            <Th className="text-right">GID</Th>
            <Th>Mode</Th>
            <Th>Env</Th>
            <Th>Key</Th>
            <Th>Version</Th>
            {canManage ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </THead>
        <TBody>
          {bindings.map((binding) => (
            <Tr key={binding.id} data-testid={`binding-row-${binding.target}`}>
              <Td>
                <Link
                  href={secretHref(ns, binding.secret)}
                  className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                >
                  {binding.secret}
                </Link>
              </Td>
              <Td>
                <code className="font-mono text-xs" title={`/run/secrets/${binding.target}`}>
                  {binding.target}
                </code>
              </Td>
              <Td className="text-right tabular-nums">{binding.uid}</Td>
              <Td className="text-right tabular-nums">{binding.gid}</Td>
              <Td className="font-mono text-xs" data-testid="mode">
                {binding.mode}
              </Td>
              <Td>
                {binding.envName ? (
                  <code className="font-mono text-xs" title={`The agent sets ${binding.envName}_FILE=/run/secrets/${binding.target}`}>
                    {binding.envName}_FILE
                  </code>
                ) : (
                  none
                )}
              </Td>
              <Td>{binding.key ? <code className="font-mono text-xs">{binding.key}</code> : <span className="text-xs text-zinc-400">all keys</span>}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{binding.version}</span>
                {binding.pinnedVersion !== null ? (
                  <Badge tone="amber" className="ml-2" title="Pinned: rotations do not reach this service until the binding changes">
                    pinned
                  </Badge>
                ) : (
                  <span className="ml-2 text-xs text-zinc-400" title="Follows the secret's current version">
                    current
                  </span>
                )}
              </Td>
              {canManage ? (
                <Td>
                  {/* Not text-right: the dialog renders inside this cell and would inherit it. */}
                  <div className="flex justify-end">
                    <RemoveBindingButton ns={ns} service={service} secret={binding.secret} target={binding.target} />
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
