// Kubernetes' naming rules (k8s.io/apimachinery/pkg/util/validation), for
// the Secret manifests the runtime API renders (runtime-manifest.ts).
// Coffer's own rules are looser (Docker's: '_', capitals; targets with '/'),
// so a binding target is not always a Kubernetes name. The manifest must
// stay deliverable as a whole, so an invalid target is not refused: a valid
// name is derived from it (deriveSecretName).
import { createHash } from "node:crypto";

// A DNS-1123 label: what a namespace may be called.
const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
// A DNS-1123 subdomain: what a Secret may be called (at most 253 characters).
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
// A qualified name's name part, and a label value (which may also be empty).
const QUALIFIED_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export const isSecretName = (name: string) => name.length <= 253 && DNS_SUBDOMAIN.test(name);

/** Null when `namespace` is a valid Kubernetes namespace name, else the problem. */
export function namespaceProblem(namespace: string): string | null {
  if (namespace.length > 63 || !DNS_LABEL.test(namespace)) {
    return "must be a Kubernetes namespace name: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit";
  }
  return null;
}

/** Kubernetes' label key rule: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function isLabelKey(key: string): boolean {
  const slash = key.indexOf("/");
  const prefix = slash === -1 ? null : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== null && (prefix.length === 0 || !isSecretName(prefix))) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

export const isLabelValue = (value: string) => value === "" || (value.length <= 63 && QUALIFIED_NAME.test(value));

// Room for "-" and the hash suffix within 253 characters.
const SUFFIX_LENGTH = 8;
const MAX_BASE = 253 - 1 - SUFFIX_LENGTH;

/**
 * The Secret's name for a binding target: the target itself when Kubernetes
 * takes it; otherwise lowercased, each run of other characters ('_', '/')
 * turned into one '-', empty or dangling parts dropped, and a hash of the
 * target appended. The hash keeps two targets that clean up alike
 * (`db_pw`, `db-pw`) apart, and the name stable: it depends on the target
 * alone, never on the other bindings.
 */
export function deriveSecretName(target: string): { name: string; derived: boolean } {
  if (isSecretName(target)) return { name: target, derived: false };
  const base = target
    .toLowerCase()
    .split(".")
    .map((part) => part.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join(".")
    .slice(0, MAX_BASE)
    .replace(/[-.]+$/, "");
  const hash = createHash("sha256").update(target).digest("hex").slice(0, SUFFIX_LENGTH);
  return { name: base ? `${base}-${hash}` : `secret-${hash}`, derived: true };
}
