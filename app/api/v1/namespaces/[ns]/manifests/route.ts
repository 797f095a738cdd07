// `kubectl apply` for Secrets: POST a manifest (JSON, or YAML by
// Content-Type); each Secret is created, rotated, relabelled or left as it
// is. Not under /secrets/: a secret may be called anything there.
import { apiRoute, noStoreJson } from "@/lib/http/api-route";
import { bodyText } from "@/lib/http/route";
import { applyManifest } from "@/lib/secrets/apply-manifest";
import { manifestFormatOf } from "@/lib/secrets/kubernetes/manifest-body";
import { parseManifest, wipeManifest } from "@/lib/secrets/kubernetes/parse-manifest";

type Params = { ns: string };

export const POST = apiRoute<Params>(async (request, { actor, params }) => {
  const format = manifestFormatOf(request.headers.get("content-type"));
  const manifest = parseManifest(await bodyText(request), format, params.ns);
  try {
    return noStoreJson(await applyManifest(actor, params.ns, manifest));
  } finally {
    wipeManifest(manifest);
  }
});
