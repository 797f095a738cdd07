import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { getOwnProfile } from "@/lib/team/own-profile";

/** The caller's account and grants, each with its permissions; needs no permission. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson(await getOwnProfile(actor)));
