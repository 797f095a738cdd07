import "server-only";
import type { Actor } from "../auth/actor";
import { auditedRead } from "../audit/audited";
import { decodeCursor, encodeCursor, pageOf, parsePageQuery, type PageQuery } from "../db/keyset-cursor";
import { authorize } from "../rbac/authorize";
import { memberSelect, toMember, type Member } from "./member-dto";

export type MemberPage = { users: Member[]; nextCursor: string | null };

const SORT = "member:email:asc";

/** The team by email, keyset-paginated (emails are unique). */
export async function listMembersPage(actor: Actor, query: PageQuery = {}): Promise<MemberPage> {
  const { limit, cursor } = parsePageQuery(query);
  const after = cursor ? (decodeCursor(cursor, SORT, ["text"])[0] as string) : undefined;
  return auditedRead(actor, "member.list", async (tx) => {
    await authorize(tx, actor, "member:list");
    const found = await tx.user.findMany({
      where: after === undefined ? {} : { email: { gt: after } },
      select: memberSelect,
      orderBy: { email: "asc" },
      take: limit + 1,
    });
    const { rows, more } = pageOf(found, limit);
    return { users: rows.map(toMember), nextCursor: more ? encodeCursor(SORT, [rows.at(-1)!.email]) : null };
  });
}
