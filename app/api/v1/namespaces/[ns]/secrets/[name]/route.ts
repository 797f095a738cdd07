import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { deleteSecret } from "@/lib/secrets/delete-secret";
import { purgeSecret } from "@/lib/secrets/deleted-secrets";
import { getSecret } from "@/lib/secrets/get-secret";
import { updateSecretLabels } from "@/lib/secrets/update-secret-labels";

type Params = { ns: string; name: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) => noStoreJson(await getSecret(actor, params.ns, params.name)));

/** Only labels change here; data changes are new versions. */
export const PATCH = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await updateSecretLabels(actor, params.ns, params.name, await jsonBody(request))),
);

/** Deletes into the recovery window; `?purge=true` removes a deleted secret for good. */
export const DELETE = apiRoute<Params>(async (request, { actor, params }) => {
  if (new URL(request.url).searchParams.get("purge") === "true") await purgeSecret(actor, params.ns, params.name);
  else await deleteSecret(actor, params.ns, params.name);
  return new Response(null, { status: 204 });
});
