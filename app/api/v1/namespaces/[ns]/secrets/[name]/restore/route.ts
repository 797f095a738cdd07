import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { restoreSecret } from "@/lib/secrets/deleted-secrets";

type Params = { ns: string; name: string };

export const POST = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson(await restoreSecret(actor, params.ns, params.name)),
);
