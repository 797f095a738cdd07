import { z } from "zod";
import { secretDataField } from "./secret-data";
import { labelsField, secretNameField } from "./secret-rules";
import { SECRET_TYPES } from "./secret-types";

export const secretTypeField = z.enum(SECRET_TYPES, { error: `type must be one of ${SECRET_TYPES.join(", ")}` });

// Kubernetes' shape: `data` holds base64, `stringData` plain text.
export const createSecretSchema = z.object({
  name: secretNameField,
  type: secretTypeField.default("Opaque"),
  labels: labelsField.default({}),
  immutable: z.boolean({ error: "immutable must be true or false" }).default(false),
  data: secretDataField("data").optional(),
  stringData: secretDataField("stringData").optional(),
});

export type CreateSecretInput = z.input<typeof createSecretSchema>;

export const secretDataSchema = z.object({
  data: secretDataField("data").optional(),
  stringData: secretDataField("stringData").optional(),
});
