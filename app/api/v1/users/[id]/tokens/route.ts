import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { listMemberAccessTokens } from "@/lib/tokens/member-access-tokens";

/** A member's personal tokens, metadata only (never a token). */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) =>
  noStoreJson({ tokens: await listMemberAccessTokens(actor, params.id) }),
);
