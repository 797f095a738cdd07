// What a token renewal may ask for: only a new lifetime, bounded and
// defaulted exactly as at creation (a year; null for never).
import type { z } from "zod";
import { createIntegrationSchema } from "./integration-rules";

export const renewIntegrationTokenSchema = createIntegrationSchema.pick({ expiresInDays: true });

export type RenewIntegrationTokenInput = z.input<typeof renewIntegrationTokenSchema>;
