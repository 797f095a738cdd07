// Coffer as a kube-apiserver's KMS: `coffer kms-plugin` serves the
// Kubernetes KMS v2 gRPC API on a unix socket and forwards each call to the
// Coffer server, which encrypts with its keyring (the plugin holds no key):
//   GET  /api/v1/integrations/kubernetes-kms/status   → KmsStatusAnswer
//   POST /api/v1/integrations/kubernetes-kms/encrypt  KmsEncryptRequest → KmsEncryptAnswer
//   POST /api/v1/integrations/kubernetes-kms/decrypt  KmsDecryptRequest → KmsDecryptAnswer
//   Authorization: Bearer cfi_…   (an integration of kind kubernetes-kms)
// Byte fields are base64, annotation values too (KMS v2 annotations are
// map<string, bytes>; keys must be fully qualified, e.g. "kms.coffer.dev/…"). Errors: {"error":{"code","message"}} with 4xx/5xx,
// which the plugin turns into a gRPC error (never plaintext).

export type KmsStatusAnswer = { version: "v2"; healthz: "ok" | string; keyId: string };

export type KmsEncryptRequest = { plaintext: string; uid: string };
export type KmsEncryptAnswer = { ciphertext: string; keyId: string; annotations: Record<string, string> };

export type KmsDecryptRequest = { ciphertext: string; uid: string; keyId: string; annotations?: Record<string, string> };
export type KmsDecryptAnswer = { plaintext: string };
