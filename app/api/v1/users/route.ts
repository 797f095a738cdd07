import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { listMembers } from "@/lib/team/members";

export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ users: await listMembers(actor) }));
