import type { ManifestPreview } from "@/lib/secrets/kubernetes/preview-manifest";

/** What an import will create: names, types, keys with sizes and labels; the server sends no value to show. */
export function ManifestPreviewTable({ preview }: { preview: ManifestPreview }) {
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
        <table className="min-w-full text-left text-sm" aria-label="Secrets in the manifest">
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Type
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Keys
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Labels
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {preview.secrets.map((secret) => (
              <tr key={secret.name}>
                <td className="px-3 py-2 font-mono text-zinc-900 dark:text-zinc-100">
                  {secret.name}
                  {secret.immutable ? <span className="ml-2 text-xs text-zinc-500">immutable</span> : null}
                </td>
                <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{secret.type}</td>
                <td className="px-3 py-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                  {secret.keys.map((key) => `${key.name} (${key.size} B)`).join(", ")}
                </td>
                <td className="px-3 py-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                  {Object.entries(secret.labels)
                    .map(([key, value]) => `${key}=${value}`)
                    .join(", ") || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.warnings.length ? (
        <ul className="list-disc space-y-1 pl-5 text-xs text-amber-700 dark:text-amber-400" aria-label="Warnings">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
