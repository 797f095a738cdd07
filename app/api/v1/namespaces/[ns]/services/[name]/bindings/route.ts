import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { jsonBody } from "@/lib/http/route";
import { addBinding } from "@/lib/services/bindings";
import { getService } from "@/lib/services/get-service";
import type { BindingInput } from "@/lib/services/service-rules";

type Params = { ns: string; name: string };

export const GET = apiRoute<Params>(async (_request, { actor, params }) =>
  noStoreJson({ bindings: (await getService(actor, params.ns, params.name)).bindingList }),
);

/** Docker's `--secret-add source=,target=,uid=,gid=,mode=`. */
export const POST = apiRoute<Params>(async (request, { actor, params }) =>
  noStoreJson(await addBinding(actor, params.ns, params.name, (await jsonBody(request)) as BindingInput), 201),
);
