// The public shapes of a service, its bindings, tokens and runtime delivery
// as zod schemas, for the OpenAPI document. Each must describe its DTO type
// exactly (checked at the bottom).
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { DeliveredSecret } from "./runtime-secrets";
import type { BindingInfo, ServiceDetail, ServiceRead, ServiceSummary, ServiceTokenInfo } from "./service-dto";
import type { NewServiceToken } from "./service-tokens";

const time = z.iso.datetime();

export const bindingInfoSchema = z.object({
  id: z.string(),
  secret: z.string(),
  secretId: z.string(),
  target: z.string(),
  uid: z.number().int(),
  gid: z.number().int(),
  mode: z.string().meta({ description: "octal, e.g. 0444" }),
  envName: z.string().nullable(),
  key: z.string().nullable(),
  pinnedVersion: z.number().int().nullable(),
  version: z.number().int().meta({ description: "the version the service receives now" }),
  createdAt: time,
});

export const serviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string(),
  description: z.string(),
  labels: z.record(z.string(), z.string()),
  bindings: z.number().int(),
  activeTokens: z.number().int(),
  createdAt: time,
  updatedAt: time,
});

export const serviceTokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: time,
  expiresAt: time.nullable(),
  lastUsedAt: time.nullable(),
  revokedAt: time.nullable(),
});

export const newServiceTokenSchema = serviceTokenInfoSchema.extend({ token: z.string().meta({ description: "cfs_…, shown once" }) });

export const serviceReadSchema = z.object({ secret: z.string(), firstReadAt: time, lastReadAt: time, count: z.number().int() });

export const serviceDetailSchema = serviceSummarySchema.extend({
  bindingList: z.array(bindingInfoSchema),
  tokens: z.array(serviceTokenInfoSchema),
  reads: z.array(serviceReadSchema),
});

export const deliveredSecretSchema = z.object({
  secret: z.string(),
  version: z.number().int(),
  target: z.string(),
  uid: z.number().int(),
  gid: z.number().int(),
  mode: z.string(),
  envName: z.string().nullable(),
  kind: z.enum(["file", "dir"]).meta({ description: '"file": one file at `target`; "dir": a directory `target` with one file per key' }),
  files: z.array(z.object({ path: z.string(), data: z.string().meta({ contentEncoding: "base64" }) })),
});

export type ServiceSchemasAgree = Agree<
  [
    Same<z.output<typeof bindingInfoSchema>, BindingInfo>,
    Same<z.output<typeof serviceSummarySchema>, ServiceSummary>,
    Same<z.output<typeof serviceTokenInfoSchema>, ServiceTokenInfo>,
    Same<z.output<typeof newServiceTokenSchema>, NewServiceToken>,
    Same<z.output<typeof serviceReadSchema>, ServiceRead>,
    Same<z.output<typeof serviceDetailSchema>, ServiceDetail>,
    Same<z.output<typeof deliveredSecretSchema>, DeliveredSecret>,
  ]
>;
