// The secret list's table, drawn for pages of 100: the look of cells, links,
// buttons and chips is set once on the <tbody> (arbitrary variants), so a
// row carries its data and little else. Through DataTable each row repeated
// ~1.5 KB of class names, in the HTML and again in the RSC payload
// (7.7 KB a row; issue 17).
import { Lock } from "lucide-react";
import { TableFrame, Th, THead } from "@/components/ui/table";
import { noValue } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import Link from "next/link";
import type { SecretSummary } from "@/lib/secrets/secret-dto";
import { LabelChips } from "./label-chips";
import { COPIED_ICON, COPY_ICON, RowCopyId } from "./row-copy-id";
import { secretHref } from "./secret-hrefs";
import { StaleBadge } from "./secret-usage";
import { ExpiryBadge } from "./rotation-expiry";
import type { Sort } from "./secret-sort";
import { SortHeader } from "./sort-header";

type Props = { ns: string; secrets: SecretSummary[]; sort: Sort; sortHref: (sort: Sort) => string; staleDays: number };

const BODY = [
  "divide-y divide-zinc-100 dark:divide-zinc-800 [&>tr:hover]:bg-zinc-50/60 dark:[&>tr:hover]:bg-zinc-800/40",
  "[&_td]:px-3 [&_td]:py-2.5 [&_td]:align-middle [&_td]:text-zinc-700 dark:[&_td]:text-zinc-300 [&_td:first-child]:pl-4 [&_td:last-child]:pr-4",
  // The name link (RowLink's look).
  "[&_td>a]:inline-flex [&_td>a]:items-center [&_td>a]:gap-1.5 [&_td>a]:font-medium [&_td>a]:text-zinc-900 [&_td>a:hover]:text-indigo-600 [&_td>a:hover]:underline [&_td>a:focus-visible]:outline-2 [&_td>a:focus-visible]:outline-indigo-600 dark:[&_td>a]:text-zinc-100 dark:[&_td>a:hover]:text-indigo-400",
  // The ID and its copy button (CopyButton's look).
  "[&_code]:font-mono [&_code]:text-xs [&_code]:text-zinc-500 dark:[&_code]:text-zinc-400",
  "[&_td>button]:ml-1 [&_td>button]:inline-flex [&_td>button]:size-6 [&_td>button]:items-center [&_td>button]:justify-center [&_td>button]:rounded [&_td>button]:align-middle [&_td>button]:text-zinc-400 [&_td>button:hover]:bg-zinc-100 [&_td>button:hover]:text-zinc-700 [&_td>button:focus-visible]:outline-2 [&_td>button:focus-visible]:outline-indigo-600 dark:[&_td>button:hover]:bg-zinc-800 dark:[&_td>button:hover]:text-zinc-200 [&_td>button[data-copied]]:text-emerald-600 dark:[&_td>button[data-copied]]:text-emerald-400 [&_td>button>svg]:size-3.5",
  // Label chips (LabelChips' look).
  "[&_ul>li]:max-w-full [&_ul>li]:truncate [&_ul>li]:rounded-md [&_ul>li]:bg-indigo-50 [&_ul>li]:px-1.5 [&_ul>li]:py-0.5 [&_ul>li]:font-mono [&_ul>li]:text-xs [&_ul>li]:font-medium [&_ul>li]:text-indigo-700 [&_ul>li]:ring-1 [&_ul>li]:ring-indigo-200 [&_ul>li]:ring-inset dark:[&_ul>li]:bg-indigo-950/60 dark:[&_ul>li]:text-indigo-300 dark:[&_ul>li]:ring-indigo-900",
  "[&_time]:whitespace-nowrap",
].join(" ");

/** Lucide's copy and check icons, drawn once and used by every row's button. */
function Icons() {
  const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  return (
    <svg aria-hidden className="absolute size-0 overflow-hidden">
      <symbol id={COPY_ICON} viewBox="0 0 24 24">
        <rect width="14" height="14" x="8" y="8" rx="2" ry="2" {...stroke} />
        <path d="M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2" {...stroke} />
      </symbol>
      <symbol id={COPIED_ICON} viewBox="0 0 24 24">
        <path d="M20 6 9 17l-5-5" {...stroke} />
      </symbol>
    </svg>
  );
}

function Row({ ns, secret, staleDays }: { ns: string; secret: SecretSummary; staleDays: number }) {
  return (
    <tr data-testid={`secret-row-${secret.name}`}>
      <td>
        <code title={secret.id}>{secret.id.slice(0, 12)}</code>
        <RowCopyId id={secret.id} name={secret.name} />
      </td>
      <td>
        <Link href={secretHref(ns, secret.name)}>
          {secret.name}
          {secret.immutable ? <Lock aria-label="immutable" role="img" className="size-3.5 text-amber-600 dark:text-amber-400" /> : null}
        </Link>
        {secret.stale ? <StaleBadge staleDays={staleDays} lastReadAt={secret.lastReadAt} className="ml-2" /> : null}
        <ExpiryBadge expiresAt={secret.expiresAt} className="ml-2" />
      </td>
      <td className="whitespace-nowrap text-xs">{secret.type}</td>
      <td className="text-right tabular-nums" data-testid="version">
        {secret.version}
      </td>
      <td className="text-right tabular-nums" title={secret.keys.map((k) => k.name).join(", ")}>
        {secret.keys.length}
      </td>
      <td className="min-w-32 max-w-56">
        <LabelChips labels={secret.labels} empty={noValue} bare />
      </td>
      <td>
        <RelativeTime iso={secret.createdAt} />
      </td>
      <td>
        <RelativeTime iso={secret.updatedAt} />
      </td>
    </tr>
  );
}

/** `docker secret ls`'s columns (ID, NAME, CREATED, UPDATED) plus type, version, keys, labels and a stale flag. */
export function SecretTable({ ns, secrets, sort, sortHref, staleDays }: Props) {
  return (
    <TableFrame>
      <Icons />
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{`Secrets in namespace ${ns}`}</caption>
        <THead>
          <tr>
            <Th>ID</Th>
            <SortHeader label="Name" column="name" sort={sort} href={sortHref} />
            <Th>Type</Th>
            <Th className="text-right">Version</Th>
            <Th className="text-right">Keys</Th>
            <Th className="min-w-32 max-w-56">Labels</Th>
            <SortHeader label="Created" column="created" sort={sort} href={sortHref} />
            <SortHeader label="Updated" column="updated" sort={sort} href={sortHref} />
          </tr>
        </THead>
        <tbody className={BODY}>
          {secrets.map((secret) => (
            <Row key={secret.id} ns={ns} secret={secret} staleDays={staleDays} />
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
