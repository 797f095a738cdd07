// The public shapes of a secret as zod schemas, for the OpenAPI document.
// Each must describe its DTO type exactly (checked at the bottom), so the
// document cannot promise a field the API does not send, or miss one.
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { DeletedSecret } from "./deleted-secrets";
import type { RevealedSecret } from "./reveal-secret";
import type { KeyInfo } from "./secret-data";
import type { BoundService, DockerInspect, SecretDetail, SecretReader, SecretSummary, VersionInfo } from "./secret-dto";

const time = z.iso.datetime();
const labels = z.record(z.string(), z.string());

export const keyInfoSchema = z.object({ name: z.string(), size: z.number().int().meta({ description: "bytes" }) });

export const secretSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string(),
  type: z.string(),
  labels,
  immutable: z.boolean(),
  version: z.number().int().meta({ description: "current data version" }),
  createdAt: time,
  updatedAt: time,
  keys: z.array(keyInfoSchema),
  sizeBytes: z.number().int(),
  lastReadAt: time.nullable().meta({ description: "last read by a service or a person; null if never" }),
  stale: z.boolean().meta({ description: "not read in COFFER_STALE_DAYS (counted from creation if never read)" }),
  expiresAt: time.nullable().optional().meta({ description: "when the value should be replaced; warned 7 days before" }),
});

export const versionInfoSchema = z.object({
  version: z.number().int(),
  createdAt: time,
  createdBy: z.string().nullable(),
  keys: z.array(keyInfoSchema),
  sizeBytes: z.number().int(),
  current: z.boolean(),
});

export const dockerInspectSchema = z
  .object({
    ID: z.string(),
    Version: z.object({ Index: z.number().int() }),
    CreatedAt: time,
    UpdatedAt: time,
    Spec: z.object({ Name: z.string(), Labels: labels }),
  })
  .meta({ description: "the shape of `docker secret inspect`" });

export const boundServiceSchema = z.object({ service: z.string(), target: z.string(), version: z.number().int(), pinned: z.boolean() });

export const secretReaderSchema = z.object({
  readerType: z.string(),
  readerLabel: z.string(),
  firstReadAt: time,
  lastReadAt: time,
  count: z.number().int(),
});

export const secretDetailSchema = secretSummarySchema.extend({
  versions: z.array(versionInfoSchema),
  inspect: dockerInspectSchema,
  boundServices: z.array(boundServiceSchema).meta({ description: "services this secret is bound to" }),
  reads: z.array(secretReaderSchema).meta({ description: "who read it, how often, first and last" }),
});

export const deletedSecretSchema = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string(),
  type: z.string(),
  deletedAt: time,
  deletedBy: z.string().nullable(),
  purgeAfter: time,
});

export const revealedSecretSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  version: z.number().int(),
  data: z.record(z.string(), z.string().meta({ contentEncoding: "base64" })),
});

export type SecretSchemasAgree = Agree<
  [
    Same<z.output<typeof keyInfoSchema>, KeyInfo>,
    Same<z.output<typeof secretSummarySchema>, SecretSummary>,
    Same<z.output<typeof versionInfoSchema>, VersionInfo>,
    Same<z.output<typeof dockerInspectSchema>, DockerInspect>,
    Same<z.output<typeof boundServiceSchema>, BoundService>,
    Same<z.output<typeof secretReaderSchema>, SecretReader>,
    Same<z.output<typeof secretDetailSchema>, SecretDetail>,
    Same<z.output<typeof deletedSecretSchema>, DeletedSecret>,
    Same<z.output<typeof revealedSecretSchema>, RevealedSecret>,
  ]
>;
