import type { KeyUsage } from "@/lib/keys/key-usage";

function Pill({ tone, children }: { tone: "indigo" | "green" | "red"; children: React.ReactNode }) {
  const tones = {
    indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-900",
    green: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-900",
    red: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-900",
  };
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}

/** One row per key-encryption key: the keyring's, then removed keys that data still names. */
export function KeyTable({ keys }: { keys: KeyUsage[] }) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Key-encryption keys and the secret versions each one wraps</caption>
        <thead className="border-b border-zinc-200 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-3">Key</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3 text-right">Secret versions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.map((key) => (
            <tr key={key.kekName} data-testid={`key-${key.kekName}`}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <span className="font-mono">{key.kekName}</span>
                {key.primary ? (
                  <span className="ml-2">
                    <Pill tone="indigo">primary</Pill>
                  </span>
                ) : null}
              </th>
              <td className="px-4 py-3">{key.inKeyring ? <Pill tone="green">in keyring</Pill> : <Pill tone="red">removed</Pill>}</td>
              <td className="px-4 py-3 text-right tabular-nums">{key.versions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
