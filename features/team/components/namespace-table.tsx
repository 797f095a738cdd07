import { FolderTree, Trash2 } from "lucide-react";
import Link from "next/link";
import { deleteNamespaceAction } from "@/features/team/namespace-actions";
import { secretsHref } from "@/features/secrets/components/secret-hrefs";
import { Badge } from "@/components/ui/badge";
import { actionsColumn, DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame } from "@/components/ui/table";
import type { NamespaceInfo } from "@/lib/namespaces/list-namespaces";
import { RowConfirmButton } from "./row-confirm-button";

function NamespaceActions({ ns, canManage }: { ns: NamespaceInfo; canManage: boolean }) {
  return (
    <>
      <Link
        href={secretsHref(ns.name)}
        className="rounded px-2 py-1 text-xs font-semibold text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
        aria-label={`Secrets in ${ns.name}`}
      >
        Secrets
      </Link>
      {canManage && ns.name !== "default" ? (
        <RowConfirmButton
          label={
            <>
              <Trash2 aria-hidden className="size-3.5" />
              Delete
            </>
          }
          ariaLabel={`Delete namespace ${ns.name}`}
          title={`Delete namespace ${ns.name}?`}
          description="Only an empty namespace can be deleted: no secrets (deleted ones count until purged) and no services. Grants and invites for it go with it."
          confirmLabel="Delete namespace"
          pendingLabel="Deleting…"
          action={deleteNamespaceAction}
          fields={{ name: ns.name }}
          done={`Namespace ${ns.name} deleted.`}
        />
      ) : null}
    </>
  );
}

export function NamespaceTable({ namespaces, canManage }: { namespaces: NamespaceInfo[]; canManage: boolean }) {
  return (
    <TableFrame>
      <DataTable
        caption="Namespaces"
        rows={namespaces}
        rowKey={(ns) => ns.name}
        rowProps={(ns) => ({ "data-testid": `namespace-row-${ns.name}` })}
        columns={[
          {
            header: "Name",
            cell: (ns) => (
              <span className="flex items-center gap-2">
                <FolderTree aria-hidden className="size-4 text-zinc-400" />
                <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">{ns.name}</span>
                {ns.name === "default" ? <Badge>always present</Badge> : null}
              </span>
            ),
          },
          { header: "Created", cell: (ns) => <RelativeTime iso={ns.createdAt} /> },
          actionsColumn((ns: NamespaceInfo) => <NamespaceActions ns={ns} canManage={canManage} />, "flex items-center justify-end gap-2"),
        ]}
      />
    </TableFrame>
  );
}
