import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { listDeletedSecrets } from "@/lib/secrets/deleted-secrets";

type Params = { ns: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson({ secrets: await listDeletedSecrets(actor, params.ns) }),
);
