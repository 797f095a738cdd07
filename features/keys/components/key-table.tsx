import { DataTable } from "@/components/ui/data-table";
import { TableFrame } from "@/components/ui/table";
import type { KeyUsage } from "@/lib/keys/key-usage";

function Pill({ tone, children }: { tone: "indigo" | "green" | "red"; children: React.ReactNode }) {
  const tones = {
    indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-900",
    green: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-900",
    red: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900",
  };
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

/** One row per key-encryption key: the keyring's, then removed keys that data still names. */
export function KeyTable({ keys }: { keys: KeyUsage[] }) {
  return (
    <TableFrame>
      <DataTable
        caption="Key-encryption keys and the secret versions each one wraps"
        rows={keys}
        rowKey={(key) => key.kekName}
        rowProps={(key) => ({ "data-testid": `key-${key.kekName}` })}
        columns={[
          {
            header: "Key",
            rowHeader: true,
            className: "text-left font-medium",
            cell: (key) => (
              <>
                <span className="font-mono">{key.kekName}</span>
                {key.primary ? (
                  <span className="ml-2">
                    <Pill tone="indigo">primary</Pill>
                  </span>
                ) : null}
              </>
            ),
          },
          { header: "Status", cell: (key) => (key.inKeyring ? <Pill tone="green">in keyring</Pill> : <Pill tone="red">removed</Pill>) },
          { header: "Secret versions", numeric: true, cell: (key) => key.versions },
          { header: "TOTP secrets", numeric: true, cell: (key) => key.totpSecrets },
        ]}
      />
    </TableFrame>
  );
}
