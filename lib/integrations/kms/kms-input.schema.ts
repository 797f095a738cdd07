// What `coffer kms-plugin` forwards from a kube-apiserver: the KMS v2
// Encrypt and Decrypt requests with their bytes as base64
// (packages/contracts/src/integrations/kubernetes-kms.ts). The limits are
// the apiserver's own (k8s.io/kms/apis/v2/api.proto and the apiserver's
// checks of a plugin's answers), so nothing an apiserver would refuse from
// us is accepted from it.
import { z } from "zod";
import { decodeBase64 } from "../../crypto/base64";

/**
 * KMS v2 encrypts a 32-byte DEK seed (a 32-byte DEK before Kubernetes
 * 1.29); the ciphertext must stay under 1 kB for the apiserver to accept
 * it, and this leaves room for the keyring's envelope.
 */
export const MAX_KMS_PLAINTEXT_BYTES = 512;
/** The apiserver refuses a ciphertext of 1 kB or more from a plugin, so none can be ours. */
export const MAX_KMS_CIPHERTEXT_BYTES = 1024;
/** key_id: "not empty, less than 1 kB" (api.proto). */
export const MAX_KMS_KEY_ID_BYTES = 1024;
/** The sum of annotation keys and values: "less than 32 kB" (api.proto). */
export const MAX_KMS_ANNOTATION_BYTES = 32 * 1024;
/** The apiserver sends a UUID per request; only logs and audit use it. */
export const MAX_KMS_UID_LENGTH = 128;

// Annotation keys "must be a fully qualified domain name" (RFC 1123
// subdomain), as the apiserver checks them.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function base64Bytes(field: string, max: number, { empty }: { empty: boolean }) {
  return z.string({ error: `${field} must be a base64 string` }).transform((text, ctx) => {
    const bytes = decodeBase64(text);
    if (!bytes) {
      ctx.addIssue({ code: "custom", message: `${field} is not base64` });
      return z.NEVER;
    }
    if (!empty && bytes.length === 0) ctx.addIssue({ code: "custom", message: `${field} must not be empty` });
    else if (bytes.length > max) ctx.addIssue({ code: "custom", message: `${field} is ${bytes.length} bytes, over the limit of ${max}` });
    return bytes;
  });
}

// Printable ASCII: it reaches the audit trail and logs, never a control character.
const uid = z
  .string({ error: "uid must be a string" })
  .max(MAX_KMS_UID_LENGTH, `uid is at most ${MAX_KMS_UID_LENGTH} characters`)
  .regex(/^[\x21-\x7e]*$/, "uid must be printable ASCII without spaces")
  .default("");

const annotations = z
  .record(z.string(), base64Bytes("an annotation value", MAX_KMS_ANNOTATION_BYTES, { empty: true }), {
    error: "annotations must be an object of base64 values",
  })
  .default({})
  .superRefine((map, ctx) => {
    let size = 0;
    for (const [key, value] of Object.entries(map)) {
      if (key.length > 253 || !DNS_SUBDOMAIN.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `annotation key '${key.slice(0, 253)}' is not a fully qualified domain name`,
        });
      }
      size += Buffer.byteLength(key) + value.length;
    }
    if (size >= MAX_KMS_ANNOTATION_BYTES) ctx.addIssue({ code: "custom", message: `annotations are ${size} bytes, over KMS v2's 32 kB` });
  });

export const kmsEncryptSchema = z.object({
  plaintext: base64Bytes("plaintext", MAX_KMS_PLAINTEXT_BYTES, { empty: false }),
  uid,
});

export const kmsDecryptSchema = z.object({
  ciphertext: base64Bytes("ciphertext", MAX_KMS_CIPHERTEXT_BYTES, { empty: false }),
  uid,
  keyId: z
    .string({ error: "keyId must be a string" })
    .min(1, "keyId must not be empty")
    .refine((text) => Buffer.byteLength(text) < MAX_KMS_KEY_ID_BYTES, "keyId must be less than 1 kB"),
  annotations,
});

export type KmsEncryptInput = z.output<typeof kmsEncryptSchema>;
export type KmsDecryptInput = z.output<typeof kmsDecryptSchema>;
