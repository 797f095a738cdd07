// One Kubernetes Secret object → what Coffer stores: name, type, labels,
// immutability and data. Strict, as the kube-apiserver is: a field it
// would refuse, or one Coffer cannot keep, is a 400 naming the item and
// the field. No message ever holds a value.
import { decodeBase64 } from "../../crypto/base64";
import { BadRequest, DomainError, TooLarge } from "../../errors";
import { isPlainObject, textProblem, unstorableField } from "../../input/parse-input";
import { checkEntries, type SecretEntries } from "../secret-data";
import { checkKeyName, labelsField, SECRET_NAME } from "../secret-rules";
import { SECRET_TYPES, type SecretType } from "../secret-types";

export type ManifestSecret = {
  /** Where it sits in the manifest ("items[2]"; "" for a lone Secret), for messages. */
  at: string;
  name: string;
  type: SecretType;
  /**
   * Undefined when the manifest has no `metadata.labels`: apply then keeps
   * the secret's labels (someone may have set them in the console); when
   * present they replace the secret's labels exactly.
   */
  labels: Record<string, string> | undefined;
  /** Undefined when the manifest does not say (apply then keeps what exists). */
  immutable: boolean | undefined;
  entries: SecretEntries;
  /** Annotation keys the manifest carried and Coffer does not keep (last-applied-configuration excepted). */
  ignoredAnnotations: string[];
};

const FIELDS = new Set(["apiVersion", "kind", "metadata", "type", "data", "stringData", "immutable"]);
// Set by the apiserver, present in `kubectl get -o yaml`: meaningless here, so ignored without a word.
const SERVER_METADATA = new Set([
  "creationTimestamp",
  "uid",
  "resourceVersion",
  "generation",
  "managedFields",
  "selfLink",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
]);
const METADATA = new Set(["name", "namespace", "labels", "annotations", ...SERVER_METADATA]);
// Holds the whole object as kubectl last applied it, `data` included: never kept, never echoed.
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
// A Kubernetes object name (DNS-1123 subdomain) that is also a Coffer name (at most 64 characters).
const KUBERNETES_NAME = /^[a-z0-9](?:[-a-z0-9.]{0,62}[a-z0-9])?$/;

/** A name as quoted in a message: cut when long, so a 400 never echoes a megabyte. */
export const shown = (text: string) => (text.length > 64 ? `${text.slice(0, 64)}…` : text);

export function secretFromObject(value: unknown, at: string, namespace: string): ManifestSecret {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  const bad = (message: string) => new BadRequest(message, { field: "manifest" });
  const where = at || "the manifest";
  if (!isPlainObject(value)) throw bad(`${where} must be a Kubernetes object`);
  const unstorable = unstorableField(value, { allowNul: true, root: at });
  if (unstorable) throw bad(unstorable.message);
  if (value.apiVersion !== "v1") throw bad(`${field("apiVersion")} must be 'v1'`);
  if (value.kind !== "Secret")
    throw bad(`${field("kind")} must be 'Secret'${typeof value.kind === "string" ? `, not '${shown(value.kind)}'` : ""}`);
  const unknown = Object.keys(value).find((key) => !FIELDS.has(key));
  if (unknown) throw bad(`${field(shown(unknown))} is not a field of a Secret`);

  const meta = value.metadata;
  if (!isPlainObject(meta)) throw bad(`${field("metadata")} must be an object with a name`);
  const unknownMeta = Object.keys(meta).find((key) => !METADATA.has(key));
  if (unknownMeta) throw bad(`${field(`metadata.${shown(unknownMeta)}`)} is not supported`);
  const name = checkName(meta.name, field("metadata.name"));
  if (meta.namespace !== undefined && meta.namespace !== namespace) {
    const given = typeof meta.namespace === "string" ? `'${shown(meta.namespace)}'` : "not a string";
    throw bad(`${field("metadata.namespace")} ${given} differs from the request's namespace '${namespace}'`);
  }
  const entries = secretEntries(value, field);
  const type = secretType(value.type, field("type"));
  if (value.immutable !== undefined && typeof value.immutable !== "boolean") throw bad(`${field("immutable")} must be true or false`);
  const secret = {
    at,
    name,
    type,
    labels: secretLabels(meta.labels, field("metadata.labels")),
    immutable: value.immutable,
    entries,
    ignoredAnnotations: annotationKeys(meta.annotations, field("metadata.annotations")),
  };
  checkSecretEntries(secret, where);
  return secret;
}

function checkName(name: unknown, field: string): string {
  if (name === undefined || name === "") throw new BadRequest(`${field} is required`, { field: "manifest" });
  if (typeof name !== "string") throw new BadRequest(`${field} must be a string`, { field: "manifest" });
  if (!KUBERNETES_NAME.test(name) || !SECRET_NAME.test(name)) {
    throw new BadRequest(
      `${field} '${shown(name)}' is not a valid name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 64 characters`,
      { field: "manifest" },
    );
  }
  return name;
}

function secretType(type: unknown, field: string): SecretType {
  if (type === undefined) return "Opaque";
  if (typeof type === "string" && (SECRET_TYPES as readonly string[]).includes(type)) return type as SecretType;
  const given = typeof type === "string" ? `'${shown(type)}' ` : "";
  throw new BadRequest(`${field} ${given}is not supported; Coffer supports ${SECRET_TYPES.join(", ")}`, { field: "manifest" });
}

/** `data` (base64) then `stringData` (text), which wins for the same key, as in Kubernetes. */
function secretEntries(object: Record<string, unknown>, field: (name: string) => string): SecretEntries {
  const entries: SecretEntries = new Map();
  for (const part of ["data", "stringData"] as const) {
    const map = object[part];
    if (map === undefined || map === null) continue;
    if (!isPlainObject(map))
      throw new BadRequest(`${field(part)} must be an object of key → ${part === "data" ? "base64" : "text"}`, { field: "manifest" });
    for (const [key, raw] of Object.entries(map)) {
      const at = field(`${part}.${shown(key)}`);
      const keyProblem = checkKeyName(key);
      if (keyProblem) throw new BadRequest(`${field(part)}: ${keyProblem}`, { field: "manifest" });
      if (typeof raw !== "string")
        throw new BadRequest(`${at} must be a string${part === "stringData" ? " (quote it)" : " of base64"}`, { field: "manifest" });
      const bytes = part === "data" ? decodeBase64(raw.replace(/\s+/g, "")) : Buffer.from(raw, "utf8");
      if (!bytes) throw new BadRequest(`${at} is not base64`, { field: "manifest" });
      entries.set(key, bytes);
    }
  }
  return entries;
}

function secretLabels(labels: unknown, field: string): Record<string, string> | undefined {
  if (labels === undefined || labels === null) return undefined;
  const parsed = labelsField.safeParse(labels);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length ? `${field}.${issue.path.join(".")}` : field;
  throw new BadRequest(`${path}: ${issue.message}`, { field: "manifest" });
}

function annotationKeys(annotations: unknown, field: string): string[] {
  if (annotations === undefined || annotations === null) return [];
  if (!isPlainObject(annotations)) throw new BadRequest(`${field} must be an object of strings`, { field: "manifest" });
  return Object.keys(annotations)
    .filter((key) => key !== LAST_APPLIED)
    .map((key) => (textProblem(key) ? "(unprintable)" : shown(key)))
    .sort();
}

/** The shared rules (keys, size, the type's required keys), with the item named in front. */
function checkSecretEntries(secret: ManifestSecret, where: string): void {
  try {
    checkEntries(secret.type, secret.entries);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = `${where} (secret '${secret.name}'): ${error.message}`;
    throw error instanceof TooLarge ? new TooLarge(message, { field: "manifest" }) : new BadRequest(message, { field: "manifest" });
  }
}
