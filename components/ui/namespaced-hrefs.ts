// Console addresses of things that live in a namespace (secrets, services).
// Only names and notices go in a URL, never data.

export type Query = Record<string, string | undefined>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The list page at `base` and one item's page below it, each with `?ns=` and any notices. */
export function namespacedHrefs(base: string) {
  return {
    list: (ns: string, query: Query = {}): string => withQuery(base, { ns, ...query }),
    item: (ns: string, name: string, query: Query = {}): string => withQuery(`${base}/${encodeURIComponent(name)}`, { ns, ...query }),
    page: (path: string, ns: string): string => withQuery(`${base}/${path}`, { ns }),
  };
}
