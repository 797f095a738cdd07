// The public shapes of an integration: a namespace-scoped credential for an
// orchestrator (a Docker Swarm's secret driver, a kube-apiserver's KMS
// plugin). Its token's plaintext is in the create answer (NewIntegration)
// and nowhere else; only its SHA-256 is stored.

export const INTEGRATION_KINDS = ["docker-swarm", "kubernetes-kms"] as const;

export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** Integration tokens read `cfi_` + 32 random bytes, base64url. */
export const INTEGRATION_TOKEN_PREFIX = "cfi";

export type IntegrationInfo = {
  id: string;
  namespace: string;
  kind: IntegrationKind;
  name: string;
  /** The token's first characters, to recognise it: "cfi_AbCd". */
  prefix: string;
  createdAt: string;
  /** The email of whoever created it, null when that member is gone. */
  createdBy: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type NewIntegration = IntegrationInfo & { token: string };
