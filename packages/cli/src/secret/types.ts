// Shapes of the /api/v1 secret answers the CLI reads (DESIGN 7). Metadata
// only: no answer the CLI asks for carries a secret value.
import { pathSegment } from "../api-client";

// The answers' shapes are the server's own DTOs (type-only imports: nothing
// of the server is loaded by the CLI).
export type { KeyInfo } from "../../secrets/secret-data";
export type { DockerInspect, SecretDetail, SecretSummary, VersionInfo as SecretVersion } from "../../secrets/secret-dto";

export function secretPath(namespace: string, name?: string, sub?: string): string {
  const base = `/api/v1/namespaces/${pathSegment(namespace)}/secrets`;
  if (name === undefined) return base;
  return `${base}/${pathSegment(name)}${sub ? `/${sub}` : ""}`;
}
