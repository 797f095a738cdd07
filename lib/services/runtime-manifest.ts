// A service's bound secrets as Kubernetes Secret objects: the runtime
// API's answer for `Accept: application/yaml` (multi-document YAML) or
// `application/json;profile=kubernetes` (a `kind: List`), so that
// `coffer agent --format k8s | kubectl apply -f -` works. Rendered from the
// same delivery as the JSON answer (fetchRuntimeSecrets): one read path,
// one audit. The answer holds values: nothing here may reach a log.
import { Document } from "yaml";
import type { RuntimeSecrets } from "../../packages/contracts/src/runtime/delivery";
import { checkTypeKeys, SECRET_TYPES, type SecretType } from "../secrets/secret-types";
import type { DeliverySource } from "./runtime-secrets";
import { deriveSecretName, isLabelKey, isLabelValue } from "./runtime-manifest-names";

export type ManifestFormat = "yaml" | "kubernetes-json";

type Representation = "json" | ManifestFormat;

const YAML_TYPES = new Set(["application/yaml", "application/x-yaml", "text/yaml"]);

/**
 * The representation an Accept header asks for, by its q-values. JSON
 * stays the answer for anything else (no 406): older agents send
 * `application/json`, and a client sending nothing gets what it always got.
 */
export function negotiateFormat(accept: string | null): Representation {
  if (!accept) return "json";
  let best: { format: Representation; q: number } = { format: "json", q: 0 };
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const param = (name: string) =>
      params
        .find((p) => p.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .replace(/^"|"$/g, "");
    const q = Number(param("q") ?? "1");
    if (!(q > 0)) continue;
    const format: Representation | null = YAML_TYPES.has(type)
      ? "yaml"
      : type === "application/json"
        ? param("profile") === "kubernetes"
          ? "kubernetes-json"
          : "json"
        : null;
    // Equal q: the first listed wins, as the client ordered them.
    if (format && q > best.q) best = { format, q };
  }
  return best.format;
}

export const contentTypeOf = (format: ManifestFormat) =>
  format === "yaml" ? "application/yaml; charset=utf-8" : "application/json; profile=kubernetes; charset=utf-8";

export type KubernetesSecret = {
  apiVersion: "v1";
  kind: "Secret";
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations: Record<string, string> };
  type: string;
  data: Record<string, string>;
  immutable?: true;
};

type Rendered = { object: KubernetesSecret; notes: string[] };

type Delivery = RuntimeSecrets & { sources: DeliverySource[] };

/**
 * A binding of one key of a typed secret (`key=tls.key` of a TLS secret)
 * holds too little for its type: the API server would refuse it, so it
 * goes out as Opaque.
 */
function typeFor(source: DeliverySource, data: Record<string, string>): { type: string; note?: string } {
  if (!(SECRET_TYPES as readonly string[]).includes(source.type) || source.type === "Opaque") return { type: source.type };
  const entries = new Map(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, "base64")]));
  const problem = checkTypeKeys(source.type as SecretType, entries);
  if (!problem) return { type: source.type };
  return { type: "Opaque", note: `type Opaque, not ${source.type}: the binding delivers only key(s) ${Object.keys(data).join(", ")}` };
}

function renderSecret(delivery: Delivery, index: number, namespace: string | undefined): Rendered {
  const secret = delivery.secrets[index]!;
  const source = delivery.sources[index]!;
  const notes: string[] = [];
  const { name, derived } = deriveSecretName(secret.target);
  if (derived) notes.push(`name ${name}: derived from the binding target '${secret.target}', which is not a Kubernetes name`);
  const data = Object.fromEntries(secret.files.map((file, i) => [source.keys[i]!, file.data]));
  const labels = Object.fromEntries(Object.entries(source.labels).filter(([key, value]) => isLabelKey(key) && isLabelValue(value)));
  const kept = new Set(Object.keys(labels));
  const dropped = Object.keys(source.labels).filter((key) => !kept.has(key));
  if (dropped.length) notes.push(`label(s) ${dropped.join(", ")} left out: not valid Kubernetes labels`);
  const { type, note } = typeFor(source, data);
  if (note) notes.push(note);
  const { service } = delivery;
  const object: KubernetesSecret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations: {
        "coffer.dev/secret": `${service.namespace}/${secret.secret}`,
        "coffer.dev/version": String(secret.version),
        "coffer.dev/service": `${service.namespace}/${service.name}`,
        "coffer.dev/target": secret.target,
      },
    },
    type,
    data,
    ...(source.immutable ? { immutable: true as const } : {}),
  };
  return { object, notes };
}

/** The delivery as Kubernetes Secrets; `namespace` (already checked) sets metadata.namespace. */
export function renderManifest(delivery: Delivery, format: ManifestFormat, namespace?: string): string {
  const rendered = delivery.secrets.map((_, i) => renderSecret(delivery, i, namespace));
  if (format === "kubernetes-json") {
    return `${JSON.stringify({ apiVersion: "v1", kind: "List", items: rendered.map((r) => r.object) }, null, 2)}\n`;
  }
  const { service } = delivery;
  const header = rendered.length
    ? ` Secrets bound to Coffer service ${service.namespace}/${service.name}, from Coffer; apply with kubectl apply -f -`
    : ` Coffer service ${service.namespace}/${service.name} has no bound secrets`;
  if (!rendered.length) return `#${header}\n`;
  return rendered
    .map(({ object, notes }, i) => {
      // YAML 1.1 quoting: kubectl reads YAML 1.1, where a bare yes, on or 0755 is no string.
      const doc = new Document(object, { version: "1.1" });
      const comments = [...(i === 0 ? [header] : []), ...notes.map((n) => ` ${n}`)];
      if (comments.length) doc.commentBefore = comments.join("\n");
      return doc.toString({ lineWidth: 0 });
    })
    .join("---\n");
}
