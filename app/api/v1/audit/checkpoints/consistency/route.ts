import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { consistencyProofFor } from "@/lib/audit/log/proofs";

/** ?from=M&to=N — RFC 9162 consistency proof that the tree of N leaves extends the tree of M. */
export const GET = apiRoute(async (request, { actor }) => {
  const params = new URL(request.url).searchParams;
  return noStoreJson(await consistencyProofFor(actor, { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined }));
});
