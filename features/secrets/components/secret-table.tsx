import { Lock } from "lucide-react";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { SecretSummary } from "@/lib/secrets/secret-dto";
import { LabelChips } from "./label-chips";
import { secretHref } from "./secret-hrefs";
import { StaleBadge } from "./secret-usage";
import type { Sort } from "./secret-sort";
import { SortHeader } from "./sort-header";

type Props = { ns: string; secrets: SecretSummary[]; sort: Sort; sortHref: (sort: Sort) => string; staleDays: number };

/** `docker secret ls`'s columns (ID, NAME, CREATED, UPDATED) plus type, version, keys, labels and a stale flag. */
export function SecretTable({ ns, secrets, sort, sortHref, staleDays }: Props) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">Secrets in namespace {ns}</caption>
        <THead>
          <tr>
            <Th>ID</Th>
            <SortHeader label="Name" column="name" sort={sort} href={sortHref} />
            <Th>Type</Th>
            <Th className="text-right">Version</Th>
            <Th className="text-right">Keys</Th>
            <Th>Labels</Th>
            <SortHeader label="Created" column="created" sort={sort} href={sortHref} />
            <SortHeader label="Updated" column="updated" sort={sort} href={sortHref} />
          </tr>
        </THead>
        <TBody>
          {secrets.map((secret) => (
            <Tr key={secret.id} data-testid={`secret-row-${secret.name}`}>
              <Td>
                <span className="flex items-center gap-1">
                  <code title={secret.id} className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                    {secret.id.slice(0, 12)}
                  </code>
                  <CopyButton text={secret.id} label={`Copy ID of ${secret.name}`} />
                </span>
              </Td>
              <Td>
                <Link
                  href={secretHref(ns, secret.name)}
                  className="inline-flex items-center gap-1.5 font-medium text-zinc-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400"
                >
                  {secret.name}
                  {secret.immutable ? (
                    <Lock aria-label="immutable" role="img" className="size-3.5 text-amber-600 dark:text-amber-400" />
                  ) : null}
                </Link>
                {secret.stale ? <StaleBadge staleDays={staleDays} lastReadAt={secret.lastReadAt} className="ml-2" /> : null}
              </Td>
              <Td className="whitespace-nowrap text-xs">{secret.type}</Td>
              <Td className="text-right tabular-nums" data-testid="version">
                {secret.version}
              </Td>
              <Td className="text-right tabular-nums" title={secret.keys.map((k) => k.name).join(", ")}>
                {secret.keys.length}
              </Td>
              <Td className="min-w-32 max-w-56">
                <LabelChips labels={secret.labels} empty={<span className="text-zinc-400">—</span>} />
              </Td>
              <Td>
                <RelativeTime iso={secret.createdAt} />
              </Td>
              <Td>
                <RelativeTime iso={secret.updatedAt} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
