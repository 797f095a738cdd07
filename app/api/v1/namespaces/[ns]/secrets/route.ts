import { pageQueryOf } from "@/lib/db/keyset-cursor";
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { bodyText, jsonBody } from "@/lib/http/route";
import { createSecret } from "@/lib/secrets/create-secret";
import type { CreateSecretInput } from "@/lib/secrets/create-secret.schema";
import { createSecretsFromManifest } from "@/lib/secrets/kubernetes/create-from-manifest";
import { manifestFormatOf } from "@/lib/secrets/kubernetes/manifest-body";
import {
  isKubernetesObject,
  parseManifest,
  parseManifestObject,
  wipeManifest,
  type ParsedManifest,
} from "@/lib/secrets/kubernetes/parse-manifest";
import { listSecretsPage, parseSecretFilters } from "@/lib/secrets/list-secrets";
import type { UserActor } from "@/lib/auth/actor";

type Params = { ns: string };

/**
 * ?filter=name=PREFIX&filter=label=KEY[=VALUE], like `docker secret ls --filter`;
 * ?limit=&cursor= page by name (keyset): follow `nextCursor` until it is null.
 */
export const GET = apiRoute<Params>(async (request, { actor, params }) => {
  const search = new URL(request.url).searchParams;
  const filters = parseSecretFilters(search.getAll("filter"));
  const { secrets, nextCursor } = await listSecretsPage(actor, params.ns, filters, pageQueryOf(search));
  return noStoreJson({ secrets, nextCursor });
});

/**
 * Coffer's own body, or a Kubernetes manifest: a Secret or List as JSON
 * (told apart by `kind`/`apiVersion`, so `kubectl create secret … -o json`
 * posts as it is), or YAML by Content-Type, one document or several.
 */
export const POST = apiRoute<Params>(async (request, { actor, params }) => {
  if (manifestFormatOf(request.headers.get("content-type")) === "yaml") {
    return createFromManifest(actor, params.ns, parseManifest(await bodyText(request), "yaml", params.ns));
  }
  const body = await jsonBody(request);
  if (isKubernetesObject(body)) return createFromManifest(actor, params.ns, parseManifestObject(body, params.ns));
  return noStoreJson(await createSecret(actor, params.ns, body as CreateSecretInput), 201);
});

async function createFromManifest(actor: UserActor, ns: string, manifest: ParsedManifest): Promise<Response> {
  try {
    return noStoreJson(await createSecretsFromManifest(actor, ns, manifest), 201);
  } finally {
    wipeManifest(manifest);
  }
}
