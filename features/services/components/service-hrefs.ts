// Console addresses for services. Only names and notices go in a URL.

type Query = Record<string, string | undefined>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function servicesHref(ns: string, query: Query = {}): string {
  return withQuery("/services", { ns, ...query });
}

export function serviceHref(ns: string, name: string, query: Query = {}): string {
  return withQuery(`/services/${encodeURIComponent(name)}`, { ns, ...query });
}

/**
 * A service reader's label is `namespace/name` (lib/services/resolve-service-token.ts);
 * its page, or null for a label of another shape.
 */
export function serviceHrefFromLabel(label: string): string | null {
  const [ns, name, ...rest] = label.split("/");
  return ns && name && rest.length === 0 ? serviceHref(ns, name) : null;
}
