// Encryption at rest as the API reports it, as a zod schema for the OpenAPI
// document; it must describe the DTO type exactly (checked at the bottom).
import { z } from "zod";
import { jobSchema } from "../jobs/job-dto.schema";
import type { Agree, Same } from "../openapi/type-agreement";
import type { EncryptionStatus } from "./get-encryption-status";

export const encryptionStatusSchema = z.object({
  source: z.enum(["keyring-file", "master-key", "generated"]),
  generatedPath: z.string().optional().meta({ description: 'only when source is "generated": the key file to back up' }),
  primary: z.string(),
  keys: z.array(
    z.object({
      kekName: z.string(),
      versions: z.number().int().meta({ description: "secret versions whose data key this key wraps (deleted secrets included)" }),
      totpSecrets: z.number().int().meta({ description: "members' TOTP secrets (second factor) whose data key this key wraps" }),
      inKeyring: z.boolean(),
      primary: z.boolean(),
    }),
  ),
  job: jobSchema.nullable(),
});

export type EncryptionSchemasAgree = Agree<[Same<z.output<typeof encryptionStatusSchema>, EncryptionStatus>]>;
