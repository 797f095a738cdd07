import { apiRoute } from "@/lib/http/api-route";
import { removeBinding } from "@/lib/services/bindings";

type Params = { ns: string; name: string; target: string[] };

/** Docker's `--secret-rm`: a secret name, or a target (which may contain '/'). Next has decoded the segments. */
export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await removeBinding(actor, params.ns, params.name, params.target.join("/"));
  return new Response(null, { status: 204 });
});
