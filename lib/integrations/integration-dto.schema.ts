// The public shapes of an integration and of a Swarm delivery as zod
// schemas, for the OpenAPI document. Each must describe its DTO type
// exactly (checked at the bottom).
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { DockerSwarmDelivery } from "../../packages/contracts/src/integrations/docker-swarm";
import { INTEGRATION_KINDS, type IntegrationInfo, type NewIntegration } from "../../packages/contracts/src/integrations/integration-dto";

const time = z.iso.datetime();

export const integrationInfoSchema = z.object({
  id: z.string(),
  namespace: z.string(),
  kind: z.enum(INTEGRATION_KINDS),
  name: z.string(),
  prefix: z.string().meta({ description: "the token's first characters, to recognise it" }),
  createdAt: time,
  createdBy: z.string().nullable().meta({ description: "the creator's email; null when that member is gone" }),
  expiresAt: time.nullable(),
  lastUsedAt: time.nullable(),
  revokedAt: time.nullable(),
});

export const newIntegrationSchema = integrationInfoSchema.extend({ token: z.string().meta({ description: "cfi_…, shown once" }) });

export const dockerSwarmDeliverySchema = z.object({
  value: z.string().meta({ contentEncoding: "base64", description: "what the task reads from /run/secrets/<target>" }),
  service: z.string().meta({ description: "the Coffer service the Swarm service mapped to" }),
  secret: z.string().meta({ description: "the Coffer secret the Swarm secret mapped to" }),
  version: z.number().int(),
});

export type IntegrationSchemasAgree = Agree<
  [
    Same<z.output<typeof integrationInfoSchema>, IntegrationInfo>,
    Same<z.output<typeof newIntegrationSchema>, NewIntegration>,
    Same<z.output<typeof dockerSwarmDeliverySchema>, DockerSwarmDelivery>,
  ]
>;
