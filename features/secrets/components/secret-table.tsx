import { Lock } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable, noValue } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowLink } from "@/components/ui/row-link";
import { TableFrame } from "@/components/ui/table";
import type { SecretSummary } from "@/lib/secrets/secret-dto";
import { LabelChips } from "./label-chips";
import { secretHref } from "./secret-hrefs";
import { StaleBadge } from "./secret-usage";
import { ExpiryBadge } from "./rotation-expiry";
import type { Sort } from "./secret-sort";
import { SortHeader } from "./sort-header";

type Props = { ns: string; secrets: SecretSummary[]; sort: Sort; sortHref: (sort: Sort) => string; staleDays: number };

/** `docker secret ls`'s columns (ID, NAME, CREATED, UPDATED) plus type, version, keys, labels and a stale flag. */
export function SecretTable({ ns, secrets, sort, sortHref, staleDays }: Props) {
  return (
    <TableFrame>
      <DataTable
        caption={`Secrets in namespace ${ns}`}
        rows={secrets}
        rowKey={(secret) => secret.id}
        rowProps={(secret) => ({ "data-testid": `secret-row-${secret.name}` })}
        columns={[
          {
            header: "ID",
            cell: (secret) => (
              <span className="flex items-center gap-1">
                <code title={secret.id} className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  {secret.id.slice(0, 12)}
                </code>
                <CopyButton text={secret.id} label={`Copy ID of ${secret.name}`} />
              </span>
            ),
          },
          {
            th: <SortHeader label="Name" column="name" sort={sort} href={sortHref} />,
            cell: (secret) => (
              <>
                <RowLink href={secretHref(ns, secret.name)} className="inline-flex items-center gap-1.5">
                  {secret.name}
                  {secret.immutable ? (
                    <Lock aria-label="immutable" role="img" className="size-3.5 text-amber-600 dark:text-amber-400" />
                  ) : null}
                </RowLink>
                {secret.stale ? <StaleBadge staleDays={staleDays} lastReadAt={secret.lastReadAt} className="ml-2" /> : null}
                <ExpiryBadge expiresAt={secret.expiresAt} className="ml-2" />
              </>
            ),
          },
          { header: "Type", className: "whitespace-nowrap text-xs", cell: (secret) => secret.type },
          { header: "Version", numeric: true, cellProps: () => ({ "data-testid": "version" }), cell: (secret) => secret.version },
          {
            header: "Keys",
            numeric: true,
            cellProps: (secret) => ({ title: secret.keys.map((k) => k.name).join(", ") }),
            cell: (secret) => secret.keys.length,
          },
          { header: "Labels", className: "min-w-32 max-w-56", cell: (secret) => <LabelChips labels={secret.labels} empty={noValue} /> },
          {
            th: <SortHeader label="Created" column="created" sort={sort} href={sortHref} />,
            cell: (secret) => <RelativeTime iso={secret.createdAt} />,
          },
          {
            th: <SortHeader label="Updated" column="updated" sort={sort} href={sortHref} />,
            cell: (secret) => <RelativeTime iso={secret.updatedAt} />,
          },
        ]}
      />
    </TableFrame>
  );
}
