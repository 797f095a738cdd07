// The keys each Kubernetes type needs (lib/secrets/secret-types.ts checks
// them; this only tells the user before they submit).
const REQUIRED: Record<string, string> = {
  "kubernetes.io/basic-auth": "needs a username or password key",
  "kubernetes.io/ssh-auth": "needs an ssh-privatekey key",
  "kubernetes.io/tls": "needs tls.crt and tls.key keys holding PEM (upload them as files)",
  "kubernetes.io/dockerconfigjson": "needs a .dockerconfigjson key holding JSON",
  "kubernetes.io/dockercfg": "needs a .dockercfg key holding JSON",
  "bootstrap.kubernetes.io/token": "needs token-id and token-secret keys",
};

export function typeKeysHint(type: string): string | null {
  return REQUIRED[type] ? `${type} ${REQUIRED[type]}.` : null;
}
