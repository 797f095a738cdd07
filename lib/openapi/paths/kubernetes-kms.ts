// The Kubernetes KMS v2 endpoints `coffer kms-plugin` forwards a
// kube-apiserver's Status, Encrypt and Decrypt to (an integration of kind
// kubernetes-kms). Counted per minute in the audit trail, not per call.
import { kmsDecryptAnswerSchema, kmsEncryptAnswerSchema, kmsStatusSchema } from "../../integrations/kms/kms-dto.schema";
import { kmsDecryptSchema, kmsEncryptSchema } from "../../integrations/kms/kms-input.schema";
import { answer, component, errorSchema, type Operation } from "../operation";

const kms = "/api/v1/integrations/kubernetes-kms";
const refusedToken = answer("a token of the other kind (docker-swarm)", errorSchema);
const keyringDown = answer("the keyring's KMS cannot answer; try again", errorSchema);

export const kubernetesKmsOperations: Operation[] = [
  {
    method: "get",
    path: `${kms}/status`,
    auth: "integrationToken",
    summary: "KMS v2 Status: healthz, and the key id new data is encrypted with (the keyring's primary)",
    responses: { 200: answer("healthy, and the current key id", component("KmsStatus", kmsStatusSchema)), 403: refusedToken },
    errors: [401],
  },
  {
    method: "post",
    path: `${kms}/encrypt`,
    auth: "integrationToken",
    summary: "KMS v2 Encrypt: a DEK seed (at most 512 bytes, base64) encrypted with the keyring's primary key, bound to this integration",
    body: component("KmsEncryptRequest", kmsEncryptSchema),
    responses: {
      200: answer("the ciphertext and its key id", component("KmsEncryptAnswer", kmsEncryptAnswerSchema)),
      403: refusedToken,
      503: keyringDown,
    },
    errors: [400, 401],
  },
  {
    method: "post",
    path: `${kms}/decrypt`,
    auth: "integrationToken",
    summary:
      "KMS v2 Decrypt: what Encrypt made for this integration, with the key id it named; an unknown key id or an altered ciphertext is a 400 saying which, never plaintext",
    body: component("KmsDecryptRequest", kmsDecryptSchema),
    responses: { 200: answer("the DEK seed", component("KmsDecryptAnswer", kmsDecryptAnswerSchema)), 403: refusedToken, 503: keyringDown },
    errors: [400, 401],
  },
];
