import { apiRoute } from "@/lib/http/api-route";
import { removeBinding } from "@/lib/services/bindings";

type Params = { ns: string; name: string; target: string[] };

/** Docker's `--secret-rm`: the target (may contain '/'), or a secret name. */
export const DELETE = apiRoute<Params>(async (_request, { actor, params }) => {
  await removeBinding(actor, params.ns, params.name, params.target.map(decodeURIComponent).join("/"));
  return new Response(null, { status: 204 });
});
