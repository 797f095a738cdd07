// What an integration may look like; every message names its field.
import { z } from "zod";
import { SECRET_NAME } from "../secrets/secret-rules";
import { expiresInDaysSchema } from "../tokens/expires-in-days";
import { INTEGRATION_KINDS } from "../../packages/contracts/src/integrations/integration-dto";

export const createIntegrationSchema = z.object({
  kind: z.enum(INTEGRATION_KINDS, { error: `kind must be one of ${INTEGRATION_KINDS.join(", ")}` }),
  name: z
    .string({ error: "name is required" })
    .regex(SECRET_NAME, "name must be 1-64 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit"),
  // Like a service token's: a year unless said otherwise, null for never.
  expiresInDays: expiresInDaysSchema(365),
});

export type CreateIntegrationInput = z.input<typeof createIntegrationSchema>;
