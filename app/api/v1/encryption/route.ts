import { noStoreJson, apiRoute } from "@/lib/http/api-route";
import { BadRequest } from "@/lib/errors";
import { jsonBody } from "@/lib/http/route";
import { cancelRewrap } from "@/lib/keys/cancel-rewrap";
import { getEncryptionStatus } from "@/lib/keys/get-encryption-status";
import { startRewrap } from "@/lib/keys/start-rewrap";

/** Key source, secret versions per key, and the latest re-wrap job. */
export const GET = apiRoute(async (_request, { actor }) => noStoreJson(await getEncryptionStatus(actor)));

/** `{"action":"rewrap"}` queues a re-wrap (202); `{"action":"cancel"}` stops it. */
export const POST = apiRoute(async (request, { actor }) => {
  const { action } = await jsonBody(request);
  if (action === "rewrap") return noStoreJson({ job: await startRewrap(actor) }, 202);
  if (action === "cancel") return noStoreJson({ job: await cancelRewrap(actor) });
  throw new BadRequest('action must be "rewrap" or "cancel"');
});
