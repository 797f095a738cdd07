// The public shapes of a service, its bindings and its tokens, as /api/v1
// answers them and the CLI reads them. A service token's plaintext is in
// the create answer (NewServiceToken) and nowhere else.

export type BindingInfo = {
  id: string;
  secret: string;
  secretId: string;
  target: string;
  uid: number;
  gid: number;
  mode: string;
  envName: string | null;
  key: string | null;
  pinnedVersion: number | null;
  /** The version the service receives now. */
  version: number;
  createdAt: string;
};

export type ServiceSummary = {
  id: string;
  name: string;
  namespace: string;
  description: string;
  labels: Record<string, string>;
  bindings: number;
  activeTokens: number;
  createdAt: string;
  updatedAt: string;
};

export type ServiceTokenInfo = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type NewServiceToken = ServiceTokenInfo & { token: string };

export type ServiceRead = { secret: string; firstReadAt: string; lastReadAt: string; count: number };

export type ServiceDetail = ServiceSummary & { bindingList: BindingInfo[]; tokens: ServiceTokenInfo[]; reads: ServiceRead[] };
