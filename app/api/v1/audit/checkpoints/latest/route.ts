import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { latestCheckpoint } from "@/lib/audit/log/proofs";

/** The newest signed tree head; `null` before the first event is sealed. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson({ checkpoint: await latestCheckpoint(actor) }));
