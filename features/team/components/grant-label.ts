/** "editor · staging", "owner · all namespaces": how a grant reads everywhere in the console. */
export function grantLabel(grant: { role: string; namespace: string | null }): string {
  return `${grant.role} · ${grant.namespace ?? "all namespaces"}`;
}
