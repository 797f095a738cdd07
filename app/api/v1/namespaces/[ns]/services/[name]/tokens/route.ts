import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { getService } from "@/lib/services/get-service";
import { createServiceToken } from "@/lib/services/service-tokens";

type Params = { ns: string; name: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson({ tokens: (await getService(actor, params.ns, params.name)).tokens }),
);

/** The plaintext token (`cfs_…`) is in this response only. The body is optional. */
export const POST = apiRoute<Params>(async (request, { actor, params }) => {
  const body = request.headers.get("content-length") === "0" || !request.body ? {} : await jsonBody(request);
  return noStoreJson(await createServiceToken(actor, params.ns, params.name, body), 201);
});
