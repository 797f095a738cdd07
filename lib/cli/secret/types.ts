// Shapes of the /api/v1 secret answers the CLI reads (DESIGN 7). Metadata
// only: no answer the CLI asks for carries a secret value.
import { pathSegment } from "../api-client";

export type KeyInfo = { name: string; size: number };

export type SecretSummary = {
  id: string;
  name: string;
  namespace: string;
  type: string;
  labels: Record<string, string>;
  immutable: boolean;
  /** Number of the current data version. */
  version: number;
  createdAt: string;
  updatedAt: string;
  keys: KeyInfo[];
};

export type SecretVersion = {
  version: number;
  createdAt: string;
  createdBy: string;
  keys: KeyInfo[];
  sizeBytes: number;
  current: boolean;
};

/** What `docker secret inspect` prints, as the server shapes it. */
export type DockerInspect = {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: { Name: string; Labels: Record<string, string> };
};

export type SecretDetail = SecretSummary & { versions: SecretVersion[]; inspect: DockerInspect };

export function secretPath(namespace: string, name?: string, sub?: string): string {
  const base = `/api/v1/namespaces/${pathSegment(namespace)}/secrets`;
  if (name === undefined) return base;
  return `${base}/${pathSegment(name)}${sub ? `/${sub}` : ""}`;
}
