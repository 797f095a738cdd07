import "server-only";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { decodeCursor, encodeCursor, pageOf, parsePageQuery, type PageQuery } from "../db/keyset-cursor";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "../secrets/find-secret";
import { serviceSelect, toServiceSummary, type ServiceSummary } from "./service-dto";

export type ServicePageQuery = PageQuery & {
  /** The console's Previous: the page that ends just before this cursor. */
  before?: string;
  /** Also count the services, and how many come before this page. */
  count?: boolean;
};

export type ServicePage = {
  services: ServiceSummary[];
  nextCursor: string | null;
  /** The `before` cursor of the previous page; null on the first. */
  prevCursor?: string | null;
  total?: number;
  offset?: number;
};

const SORT = "service:name:asc";
const nameIn = (cursor: string) => decodeCursor(cursor, SORT, ["text"])[0] as string;

/** A namespace's services by name, keyset-paginated (the name is unique in a namespace). */
export async function listServicesPage(actor: Actor, namespace: string, query: ServicePageQuery = {}): Promise<ServicePage> {
  const { limit, cursor } = parsePageQuery(query);
  const after = cursor ? nameIn(cursor) : undefined;
  const before = query.before && !cursor ? nameIn(query.before) : undefined;
  return auditedRead(actor, "service.list", async (tx) => {
    await authorize(tx, actor, "service:list", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const bound = after !== undefined ? { name: { gt: after } } : before !== undefined ? { name: { lt: before } } : {};
    const found = await tx.service.findMany({
      where: { namespaceId: ns.id, ...bound },
      select: serviceSelect(),
      orderBy: { name: before === undefined ? "asc" : "desc" },
      take: limit + 1,
    });
    const { rows, more } = pageOf(found, limit);
    if (before !== undefined) rows.reverse();
    const first = rows[0];
    const last = rows.at(-1);
    const page: ServicePage = {
      services: rows.map(toServiceSummary),
      nextCursor: last && (before !== undefined || more) ? encodeCursor(SORT, [last.name]) : null,
    };
    if (!query.count) return page;
    const [total, offset] = await Promise.all([
      tx.service.count({ where: { namespaceId: ns.id } }),
      first ? tx.service.count({ where: { namespaceId: ns.id, name: { lt: first.name } } }) : 0,
    ]);
    const hasPrev = first && (before !== undefined ? more : after !== undefined);
    return { ...page, prevCursor: hasPrev ? encodeCursor(SORT, [first.name]) : null, total, offset };
  });
}
