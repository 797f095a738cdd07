// Shapes of the /api/v1 secret answers the CLI reads. Metadata only: no
// answer the CLI asks for carries a secret value.
import { pathSegment } from "../api-client";

// The answers' shapes are the contracts the server's DTOs are typed by.
export type {
  DockerInspect,
  KeyInfo,
  SecretDetail,
  SecretSummary,
  VersionInfo as SecretVersion,
} from "../../../contracts/src/secrets/secret-dto";

export function secretPath(namespace: string, name?: string, sub?: string): string {
  const base = `/api/v1/namespaces/${pathSegment(namespace)}/secrets`;
  if (name === undefined) return base;
  return `${base}/${pathSegment(name)}${sub ? `/${sub}` : ""}`;
}
