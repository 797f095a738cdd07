import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { inclusionProofFor } from "@/lib/audit/log/proofs";

/** ?size=N — RFC 9162 inclusion proof of the event in the tree of N leaves (default: the newest checkpoint). */
export const GET = apiRoute<{ seq: string }>(async (request, { actor, params }) => {
  const size = new URL(request.url).searchParams.get("size") ?? undefined;
  return noStoreJson(await inclusionProofFor(actor, { seq: params.seq, size }));
});
