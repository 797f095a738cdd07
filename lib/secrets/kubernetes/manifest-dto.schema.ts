// The shapes of manifest requests and answers, for the OpenAPI document.
// The request schemas only describe: the routes parse with parseManifest,
// which is stricter (and names the item and field of a problem).
import { z } from "zod";
import type { Agree, Same } from "../../openapi/type-agreement";
import { secretSummarySchema } from "../secret-dto.schema";
import { SECRET_TYPES } from "../secret-types";
import type { SecretSummary } from "../secret-dto";

const strings = z.record(z.string(), z.string());

export const kubernetesSecretSchema = z.object({
  apiVersion: z.literal("v1"),
  kind: z.literal("Secret"),
  metadata: z.object({
    name: z.string().meta({ description: "a Kubernetes name (lowercase DNS subdomain) of at most 64 characters" }),
    namespace: z.string().optional().meta({ description: "when given, must be the namespace of the path" }),
    labels: strings.optional().meta({ description: "replace the secret's labels; when absent, apply keeps them" }),
    annotations: strings
      .optional()
      .meta({ description: "not kept; named in `warnings` (kubectl's last-applied-configuration silently dropped)" }),
  }),
  type: z.enum(SECRET_TYPES).optional(),
  data: strings.optional().meta({ description: "key → base64" }),
  stringData: strings.optional().meta({ description: "key → text; wins over data for the same key" }),
  immutable: z.boolean().optional(),
});

export const kubernetesManifestSchema = z.union([
  kubernetesSecretSchema,
  z.object({ apiVersion: z.literal("v1"), kind: z.literal("List"), items: z.array(kubernetesSecretSchema) }),
]);

const warnings = z.array(z.string()).meta({ description: "what the manifest held that Coffer does not keep (annotations)" });

export type ManifestCreated = { secrets: SecretSummary[]; warnings: string[] };

export const manifestCreatedSchema = z.object({ secrets: z.array(secretSummarySchema), warnings });

export const APPLY_ACTIONS = ["created", "rotated", "labels-updated", "unchanged"] as const;

export type AppliedSecret = { name: string; action: (typeof APPLY_ACTIONS)[number]; version: number };
export type ManifestApplied = { items: AppliedSecret[]; warnings: string[] };

export const manifestAppliedSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      action: z.enum(APPLY_ACTIONS).meta({ description: "rotated: a new version (labels updated too when they changed)" }),
      version: z.number().int().meta({ description: "the secret's current data version after the apply" }),
    }),
  ),
  warnings,
});

export type Checked = Agree<
  [Same<z.output<typeof manifestCreatedSchema>, ManifestCreated>, Same<z.output<typeof manifestAppliedSchema>, ManifestApplied>]
>;
