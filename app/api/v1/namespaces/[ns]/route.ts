import { apiRoute } from "@/lib/http/api-route";
import { deleteNamespace } from "@/lib/namespaces/delete-namespace";

/** Only an empty namespace can be deleted (409 says what is left). */
export const DELETE = apiRoute<{ ns: string }>(async (_request, { actor, params }) => {
  await deleteNamespace(actor, params.ns);
  return new Response(null, { status: 204 });
});
