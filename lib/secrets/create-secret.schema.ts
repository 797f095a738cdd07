import { z } from "zod";
import { secretDataField } from "./secret-data";
import { labelsField, secretNameField } from "./secret-rules";
import { SECRET_TYPES } from "./secret-types";

export const secretTypeField = z.enum(SECRET_TYPES, { error: `type must be one of ${SECRET_TYPES.join(", ")}` });

/** When the value should be replaced (issue 18): an ISO 8601 time; null clears it on update. */
export const expiresAtField = z.iso
  .datetime({ offset: true, error: "expiresAt must be an ISO 8601 time, e.g. 2027-01-31T00:00:00Z" })
  .transform((text) => new Date(text))
  .nullable();

// Kubernetes' shape: `data` holds base64, `stringData` plain text.
export const createSecretSchema = z.object({
  name: secretNameField,
  type: secretTypeField.default("Opaque"),
  labels: labelsField.default({}),
  immutable: z.boolean({ error: "immutable must be true or false" }).default(false),
  data: secretDataField("data").optional(),
  stringData: secretDataField("stringData").optional(),
  expiresAt: expiresAtField.optional(),
});

export type CreateSecretInput = z.input<typeof createSecretSchema>;

export const secretDataSchema = z.object({
  data: secretDataField("data").optional(),
  stringData: secretDataField("stringData").optional(),
});
