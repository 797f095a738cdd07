// What the profile shows of the member's own access: their grants (from
// getOwnProfile, which needs no member:list), and what those add up to for
// all namespaces and what each namespace adds.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getOwnProfile, type OwnGrant } from "@/lib/team/own-profile";

export type OwnAccess = {
  grants: OwnGrant[];
  global: string[];
  perNamespace: { namespace: string; extra: string[] }[];
};

export async function ownAccess(actor: SessionUser): Promise<OwnAccess> {
  const { grants } = await getOwnProfile(actor);
  const global = new Set(grants.filter((g) => !g.namespace).flatMap((g) => g.permissions));
  const extras = new Map<string, Set<string>>();
  for (const grant of grants) {
    if (!grant.namespace) continue;
    const extra = extras.get(grant.namespace) ?? new Set<string>();
    for (const p of grant.permissions) if (!global.has(p)) extra.add(p);
    extras.set(grant.namespace, extra);
  }
  const perNamespace = [...extras]
    .map(([namespace, extra]) => ({ namespace, extra: [...extra] }))
    .filter((n) => n.extra.length)
    .sort((a, b) => a.namespace.localeCompare(b.namespace));
  return { grants, global: [...global], perNamespace };
}
