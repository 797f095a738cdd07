import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { pageQueryOf } from "@/lib/db/keyset-cursor";
import { listMembersPage } from "@/lib/team/list-members";

/** ?limit=&cursor= page by email: follow `nextCursor` until it is null. */
export const GET = apiRoute(async (request, { actor }) =>
  noStoreJson(await listMembersPage(actor, pageQueryOf(new URL(request.url).searchParams))),
);
