// What the KMS endpoints answer, as zod schemas for the OpenAPI document;
// each must describe its contract type exactly (checked at the bottom).
import { z } from "zod";
import type { Agree, Same } from "../../openapi/type-agreement";
import type { KmsDecryptAnswer, KmsEncryptAnswer, KmsStatusAnswer } from "../../../packages/contracts/src/integrations/kubernetes-kms";

const base64 = (description: string) => z.string().meta({ contentEncoding: "base64", description });

export const kmsStatusSchema = z.object({
  version: z.literal("v2"),
  healthz: z.string().meta({ description: '"ok" when healthy' }),
  keyId: z.string().meta({ description: "the keyring's primary key: a new one is seen by the apiserver as a key rotation" }),
});

export const kmsEncryptAnswerSchema = z.object({
  ciphertext: base64("the DEK seed encrypted for this integration, under 1 kB"),
  keyId: z.string().meta({ description: "the keyring key it was encrypted with; Decrypt takes it back" }),
  annotations: z
    .record(z.string(), base64("an annotation value"))
    .meta({ description: "none today; KMS v2 stores them in etcd in the clear" }),
});

export const kmsDecryptAnswerSchema = z.object({ plaintext: base64("the DEK seed") });

export type KmsSchemasAgree = Agree<
  [
    Same<z.output<typeof kmsStatusSchema>, KmsStatusAnswer>,
    Same<z.output<typeof kmsEncryptAnswerSchema>, KmsEncryptAnswer>,
    Same<z.output<typeof kmsDecryptAnswerSchema>, KmsDecryptAnswer>,
  ]
>;
