import { apiRoute } from "@/lib/http/api-route";
import { revokeMemberAccessToken } from "@/lib/tokens/member-access-tokens";

export const DELETE = apiRoute<{ id: string; tokenId: string }>(async (_request, { actor, params }) => {
  await revokeMemberAccessToken(actor, params.id, params.tokenId);
  return new Response(null, { status: 204 });
});
