// A Kubernetes manifest → the Secrets it holds: one Secret, a `List` of
// them (`kubectl get -o json`), or a YAML stream of either. Everything is
// checked before anything is written, so a bad item refuses the whole
// manifest with a message naming it ("items[2].data.tls.crt is not base64").
//
// Annotations: Coffer keeps none. Each one a manifest carries is named in
// the answer's `warnings`, except kubectl's last-applied-configuration,
// which is dropped without a word: it holds the whole object as last
// applied, `data` included, and a warning must not make anyone look at it.
import { BadRequest } from "../../errors";
import { isPlainObject } from "../../input/parse-input";
import { manifestDocuments, type ManifestFormat } from "./read-manifest";
import { secretFromObject, shown, type ManifestSecret } from "./secret-object";

export type { ManifestFormat, ManifestSecret };

export type ParsedManifest = { secrets: ManifestSecret[]; warnings: string[] };

// One manifest is one transaction: keep it to what a person reviews at once.
export const MAX_MANIFEST_SECRETS = 100;

const bad = (message: string) => new BadRequest(message, { field: "manifest" });

/** The Secrets of a manifest's text, checked; throws the 4xx that names the first problem. */
export function parseManifest(text: string, format: ManifestFormat, namespace: string): ParsedManifest {
  const documents = manifestDocuments(text, format);
  const objects = documents.flatMap((document, index) => itemsOf(document, documents.length > 1 ? `documents[${index}]` : ""));
  return parseObjects(objects, namespace);
}

/** The same for a JSON body already parsed (the create route reads JSON itself). */
export function parseManifestObject(body: unknown, namespace: string): ParsedManifest {
  return parseObjects(itemsOf(body, ""), namespace);
}

/** True when a JSON body is a Kubernetes object rather than Coffer's own create body. */
export function isKubernetesObject(body: Record<string, unknown>): boolean {
  return "kind" in body || "apiVersion" in body;
}

type Located = { value: unknown; at: string };

function itemsOf(document: unknown, at: string): Located[] {
  if (!isPlainObject(document) || document.kind !== "List") return [{ value: document, at }];
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (document.apiVersion !== "v1") throw bad(`${field("apiVersion")} must be 'v1'`);
  const extra = Object.keys(document).find((key) => !["apiVersion", "kind", "metadata", "items"].includes(key));
  if (extra) throw bad(`${field(shown(extra))} is not a field of a List`);
  if (!Array.isArray(document.items)) throw bad(`${field("items")} must be a list of Secrets`);
  return document.items.map((value, index) => ({ value, at: field(`items[${index}]`) }));
}

function parseObjects(objects: Located[], namespace: string): ParsedManifest {
  if (objects.length === 0) throw bad("the manifest holds no Secret");
  if (objects.length > MAX_MANIFEST_SECRETS)
    throw bad(`the manifest holds ${objects.length} objects; at most ${MAX_MANIFEST_SECRETS} Secrets per manifest`);
  const secrets: ManifestSecret[] = [];
  const seen = new Map<string, string>();
  for (const { value, at } of objects) {
    const secret = secretFromObject(value, at, namespace);
    const first = seen.get(secret.name);
    if (first !== undefined)
      throw bad(`${at || "the manifest"}: secret '${secret.name}' appears twice (also ${first || "the first item"})`);
    seen.set(secret.name, at);
    secrets.push(secret);
  }
  const warnings = secrets.flatMap((secret) =>
    secret.ignoredAnnotations.length
      ? [`secret/${secret.name}: annotations are not kept by Coffer; ignored: ${secret.ignoredAnnotations.join(", ")}`]
      : [],
  );
  return { secrets, warnings };
}

/** Wipes the decoded values once they are sealed (or refused). */
export function wipeManifest(manifest: ParsedManifest): void {
  for (const secret of manifest.secrets) for (const bytes of secret.entries.values()) bytes.fill(0);
}
