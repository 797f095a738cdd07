// The rotation policy's public shape as zod, for the OpenAPI document;
// checked against the DTO type at the bottom.
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { RotationPolicyDto, RotationRunResult } from "./rotation-dto";

const time = z.iso.datetime();

export const rotationPolicySchema = z.object({
  secret: z.string(),
  namespace: z.string(),
  every: z.string().meta({ description: 'the interval, e.g. "30d"' }),
  everySeconds: z.number().int(),
  generator: z.object({ length: z.number().int(), alphabet: z.string(), key: z.string().nullable() }),
  rotator: z
    .object({
      kind: z.string(),
      admin: z.string().meta({ description: "name of the secret holding the admin URL" }),
      roles: z.array(z.string()),
    })
    .nullable(),
  nextRunAt: time,
  lastRunAt: time.nullable(),
  lastVersion: z.number().int().nullable(),
  lastError: z.string().nullable().meta({ description: "why the last run failed; null after a success" }),
  lastErrorAt: time.nullable(),
  failures: z.number().int().meta({ description: "failed runs since the last success" }),
  createdAt: time,
  updatedAt: time,
});

export const rotationRunResultSchema = z.object({
  rotated: z.boolean(),
  version: z.number().int().nullable(),
  error: z.string().nullable(),
  policy: rotationPolicySchema,
});

export type RotationSchemasAgree = Agree<
  [Same<z.output<typeof rotationPolicySchema>, RotationPolicyDto>, Same<z.output<typeof rotationRunResultSchema>, RotationRunResult>]
>;
