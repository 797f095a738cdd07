// Console addresses for secrets. Only names and notices go in a URL, never data.

type Query = Record<string, string | undefined>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function secretsHref(ns: string, query: Query = {}): string {
  return withQuery("/secrets", { ns, ...query });
}

export function secretHref(ns: string, name: string, query: Query = {}): string {
  return withQuery(`/secrets/${encodeURIComponent(name)}`, { ns, ...query });
}

export function deletedHref(ns: string): string {
  return withQuery("/secrets/deleted", { ns });
}
