import type { SecretSummary } from "@/lib/secrets/secret-dto";

export const SORT_KEYS = ["name", "created", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };

export function parseSort(key: string | undefined, dir: string | undefined): Sort {
  const sortKey = (SORT_KEYS as readonly string[]).includes(key ?? "") ? (key as SortKey) : "name";
  return { key: sortKey, dir: dir === "desc" ? "desc" : "asc" };
}

const FIELD: Record<SortKey, (s: SecretSummary) => string> = {
  name: (s) => s.name,
  created: (s) => s.createdAt,
  updated: (s) => s.updatedAt,
};

export function sortSecrets(secrets: SecretSummary[], { key, dir }: Sort): SecretSummary[] {
  const field = FIELD[key];
  const sign = dir === "asc" ? 1 : -1;
  // ISO times compare as strings; names compare byte-wise like docker's ls.
  return [...secrets].sort((a, b) => (field(a) < field(b) ? -sign : field(a) > field(b) ? sign : 0));
}
