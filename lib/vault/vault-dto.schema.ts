// What the Vault-compatible API (/v1) answers, as zod schemas for the
// OpenAPI document: Vault's response envelope around each KV v2 and token
// shape, the health answer (no envelope, as Vault's), and Vault's error
// body. Field names are Vault's, so they are snake_case. The constant
// fields (lease_id "", destroyed false, type "kv") are literals: a client
// that branches on them sees what Vault would send.
import { z } from "zod";

const time = z.iso.datetime();
/** Labels, as Vault's `custom_metadata`; null when the secret has none. */
const customMetadata = z.record(z.string(), z.string()).nullable().meta({ description: "the secret's labels; null when it has none" });

/** Vault wraps every answer but health's: the payload is `data`, the rest is constant for a KV read. */
function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    request_id: z.string().meta({ description: "the request's X-Request-Id" }),
    lease_id: z.literal(""),
    renewable: z.literal(false),
    lease_duration: z.literal(0),
    data,
    wrap_info: z.null(),
    warnings: z.array(z.string()).nullable().meta({ description: "e.g. the keys answered base64 because they are not UTF-8 text" }),
    auth: z.null(),
  });
}

/** One version's metadata, as a write answers it and a read carries it. */
export const kvVersionMetadataSchema = z.object({
  created_time: time,
  custom_metadata: customMetadata,
  deletion_time: z.literal("").meta({ description: "always empty: a deleted secret is not readable (404) until undeleted" }),
  destroyed: z.literal(false),
  version: z.number().int(),
});

export const kvReadDataSchema = z.object({
  data: z.record(z.string(), z.string()).meta({ description: "key → value as UTF-8 text (base64 for a key named in warnings)" }),
  metadata: kvVersionMetadataSchema,
});

export const kvMetadataDataSchema = z.object({
  cas_required: z.literal(false),
  created_time: time,
  updated_time: time,
  current_version: z.number().int(),
  oldest_version: z.number().int().meta({ description: "the oldest version Coffer still keeps" }),
  max_versions: z.number().int().meta({ description: "Coffer's version retention (COFFER_MAX_VERSIONS)" }),
  delete_version_after: z.literal("0s"),
  custom_metadata: customMetadata,
  versions: z.record(
    z.string().regex(/^\d+$/),
    z.object({
      created_time: time,
      deletion_time: z.literal("").meta({ description: "always empty: Coffer deletes whole secrets, and a deleted one's metadata is 404" }),
      destroyed: z.literal(false),
    }),
  ),
});

export const kvKeyListDataSchema = z.object({
  keys: z.array(z.string()).meta({ description: "secret names the caller may list (a service: its bound secrets)" }),
});

/** A mount, as sys/mounts lists it and sys/internal/ui/mounts answers it. */
export const vaultMountSchema = z.object({
  accessor: z.string(),
  config: z.object({ default_lease_ttl: z.literal(0), force_no_cache: z.literal(false), max_lease_ttl: z.literal(0) }),
  description: z.string(),
  external_entropy_access: z.literal(false),
  local: z.literal(false),
  options: z.object({ version: z.literal("2") }),
  path: z.string().regex(/\/$/).meta({ description: "the mount, with a trailing /" }),
  seal_wrap: z.literal(false),
  type: z.literal("kv"),
  uuid: z.string(),
});

export const vaultTokenLookupSchema = z.object({
  accessor: z.string().meta({ description: "the token's Coffer id" }),
  creation_time: z.number().int().meta({ description: "unix seconds" }),
  creation_ttl: z.number().int().meta({ description: "seconds from creation to expiry; 0 = no expiry" }),
  display_name: z.string(),
  entity_id: z.literal(""),
  expire_time: time.nullable(),
  explicit_max_ttl: z.literal(0),
  id: z
    .string()
    .meta({ description: "the token the request carried, as Vault answers it (vault-agent takes it from here); no other token" }),
  issue_time: time,
  type: z.literal("service"),
  ttl: z.number().int().meta({ description: "seconds left; 0 = no expiry" }),
  policies: z.array(z.string()),
  renewable: z.literal(false),
  orphan: z.literal(true),
  num_uses: z.literal(0),
  path: z.literal("auth/token/create"),
  meta: z.object({
    coffer_kind: z.enum(["personal", "service"]),
    namespace: z.string().optional().meta({ description: "a service token's namespace" }),
  }),
});

export const kvReadSchema = envelope(kvReadDataSchema);
export const kvWrittenSchema = envelope(kvVersionMetadataSchema);
export const kvMetadataSchema = envelope(kvMetadataDataSchema);
export const kvKeyListSchema = envelope(kvKeyListDataSchema);
export const vaultUiMountAnswerSchema = envelope(vaultMountSchema);
export const vaultTokenLookupAnswerSchema = envelope(vaultTokenLookupSchema);

/** sys/mounts: Vault lists the mounts under `data` and again at the top level, beside the envelope's fields. */
export const vaultMountsSchema = envelope(
  z.record(z.string().regex(/\/$/), vaultMountSchema).meta({ description: "mount with a trailing / → its settings" }),
).catchall(vaultMountSchema);

/** sys/health: no envelope, and the same body for 200, 501 (before setup) and 503 (database unreachable). */
export const vaultHealthSchema = z.object({
  initialized: z.boolean(),
  sealed: z.boolean(),
  standby: z.literal(false),
  performance_standby: z.literal(false),
  replication_performance_mode: z.literal("disabled"),
  replication_dr_mode: z.literal("disabled"),
  server_time_utc: z.number().int().meta({ description: "unix seconds" }),
  version: z.string(),
  cluster_name: z.string(),
});

/** Every /v1 error: Vault's shape, not Coffer's `{"error":{code,message}}`. */
export const vaultErrorsSchema = z.object({
  errors: z.array(z.string()).meta({ description: 'what went wrong, e.g. ["permission denied"]' }),
});

export type VaultKvRead = z.output<typeof kvReadSchema>;
export type VaultKvWritten = z.output<typeof kvWrittenSchema>;
export type VaultKvMetadata = z.output<typeof kvMetadataSchema>;
export type VaultKeyList = z.output<typeof kvKeyListSchema>;
export type VaultMounts = z.output<typeof vaultMountsSchema>;
export type VaultTokenLookup = z.output<typeof vaultTokenLookupAnswerSchema>;
export type VaultHealth = z.output<typeof vaultHealthSchema>;
export type VaultErrors = z.output<typeof vaultErrorsSchema>;
