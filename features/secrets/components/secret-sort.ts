// The sort the secrets list asks SQL for (lib/secrets/list-secrets-sql.ts), read from its URL.
export const SORT_KEYS = ["name", "created", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };

export function parseSort(key: string | undefined, dir: string | undefined): Sort {
  const sortKey = (SORT_KEYS as readonly string[]).includes(key ?? "") ? (key as SortKey) : "name";
  return { key: sortKey, dir: dir === "desc" ? "desc" : "asc" };
}
