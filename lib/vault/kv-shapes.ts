// The KV v2 data shapes Vault clients parse, built from Coffer's versions.
// A value goes out as text; bytes that are not UTF-8 (a DER key, say) go
// out as base64 and the answer's warnings name the key, since a KV value
// must be a JSON string.
import type { SecretEntries } from "../secrets/secret-data";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export type KvValues = { data: Record<string, string>; warnings: string[] };

export function kvValues(entries: SecretEntries): KvValues {
  const data: [string, string][] = [];
  const binary: string[] = [];
  for (const [key, bytes] of entries) {
    try {
      data.push([key, utf8.decode(bytes)]);
    } catch {
      data.push([key, bytes.toString("base64")]);
      binary.push(key);
    }
  }
  const warnings = binary.length
    ? [`not UTF-8 text, so sent as base64: ${binary.sort().join(", ")} (Coffer stores bytes; a KV value is a string)`]
    : [];
  // fromEntries defines own properties: a key named __proto__ stays a key.
  return { data: Object.fromEntries(data), warnings };
}

/** Vault's `custom_metadata`: null when there is none. */
export function customMetadata(labels: Record<string, string>): Record<string, string> | null {
  return Object.keys(labels).length ? { ...labels } : null;
}

/** One version's metadata, as a data read and a write answer it. Coffer's versions are never soft-deleted one by one. */
export function versionMetadata(version: number, createdAt: Date, labels: Record<string, string>) {
  return { created_time: createdAt.toISOString(), custom_metadata: customMetadata(labels), deletion_time: "", destroyed: false, version };
}

export type SecretMetadataInput = {
  createdAt: Date;
  updatedAt: Date;
  currentVersion: number;
  labels: Record<string, string>;
  versions: { version: number; createdAt: Date }[];
  maxVersions: number;
};

/** GET metadata/<name>: the stored versions (older ones are gone: Coffer keeps maxVersions). */
export function secretMetadata(input: SecretMetadataInput) {
  const versions = Object.fromEntries(
    [...input.versions]
      .sort((a, b) => a.version - b.version)
      .map((v) => [String(v.version), { created_time: v.createdAt.toISOString(), deletion_time: "", destroyed: false }]),
  );
  return {
    cas_required: false,
    created_time: input.createdAt.toISOString(),
    current_version: input.currentVersion,
    custom_metadata: customMetadata(input.labels),
    delete_version_after: "0s",
    max_versions: input.maxVersions,
    oldest_version: Math.min(...input.versions.map((v) => v.version), input.currentVersion),
    updated_time: input.updatedAt.toISOString(),
    versions,
  };
}

/** A mount as sys/mounts and sys/internal/ui/mounts describe it. */
export function mountInfo(mount: string, namespace: string) {
  return {
    accessor: `kv_coffer_${namespace}`,
    config: { default_lease_ttl: 0, force_no_cache: false, max_lease_ttl: 0 },
    description: `Coffer namespace '${namespace}'`,
    external_entropy_access: false,
    local: false,
    options: { version: "2" },
    path: `${mount}/`,
    seal_wrap: false,
    type: "kv",
    uuid: `coffer-${namespace}`,
  };
}
