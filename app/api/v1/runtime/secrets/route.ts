import { BadRequest } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { route } from "@/lib/http/route";
import { resolveServiceToken } from "@/lib/services/resolve-service-token";
import { contentTypeOf, negotiateFormat, renderManifest } from "@/lib/services/runtime-manifest";
import { namespaceProblem } from "@/lib/services/runtime-manifest-names";
import { fetchRuntimeSecrets } from "@/lib/services/runtime-secrets";
import { bearerToken } from "@/lib/tokens/token-secret";

/**
 * What a service's agent polls: its bound secrets with values (base64).
 * Send If-None-Match with the last ETag to get a cheap 304. A token whose
 * creator no longer holds secret:bind in the namespace gets 403.
 * `Accept: application/yaml` (or `application/json;profile=kubernetes`)
 * answers the same read as Kubernetes Secret manifests, `?namespace=`
 * setting their metadata.namespace (lib/services/runtime-manifest.ts).
 */
export const GET = route(async (request) => {
  // A missing token too is refused (401) and counted by resolveServiceToken.
  const actor = await resolveServiceToken(bearerToken(request.headers), contextFromHeaders(request.headers));
  const format = negotiateFormat(request.headers.get("accept"));
  const namespace = new URL(request.url).searchParams.get("namespace") ?? undefined;
  if (namespace !== undefined) {
    if (format === "json") {
      throw new BadRequest("query parameter 'namespace' applies only to a Kubernetes manifest (Accept: application/yaml)");
    }
    const problem = namespaceProblem(namespace);
    if (problem) throw new BadRequest(`query parameter 'namespace' ${problem}`);
  }
  // A manifest has ETags of its own: one per format and namespace.
  const variant = format === "json" ? undefined : `${format}:${namespace ?? ""}`;
  const delivery = await fetchRuntimeSecrets(actor, request.headers.get("if-none-match"), variant);
  const headers = { ETag: delivery.etag, "Cache-Control": "no-store", Vary: "Accept" };
  if ("notModified" in delivery) return new Response(null, { status: 304, headers });
  if (format === "json") return Response.json({ service: delivery.service, secrets: delivery.secrets }, { headers });
  return new Response(renderManifest(delivery, format, namespace), { headers: { ...headers, "Content-Type": contentTypeOf(format) } });
});
