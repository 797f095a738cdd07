// Shapes of the /api/v1 service answers the CLI reads (DESIGN 5 and 7).
// Metadata only: a service token's plaintext is in the create answer and
// nowhere else.
import { pathSegment as segment } from "../api-client";

// The answers' shapes are the server's own DTOs (type-only imports: nothing
// of the server is loaded by the CLI).
export type {
  BindingInfo as Binding,
  ServiceDetail,
  ServiceRead,
  ServiceSummary,
  ServiceTokenInfo as ServiceToken,
} from "../../services/service-dto";
export type { NewServiceToken } from "../../services/service-tokens";

/** What the CLI sends for one `--secret-add`. */
export type BindingRequest = {
  secret: string;
  target?: string;
  uid?: number;
  gid?: number;
  mode?: string;
  envName?: string;
  key?: string;
  pinnedVersion?: number;
};

/**
 * `/api/v1/namespaces/{ns}/services[/{name}[/{sub}[/{item}]]]`. A binding's
 * target may hold `/` (`certs/tls`): each segment is encoded on its own so
 * the route receives the same path segments back.
 */
export function servicePath(namespace: string, name?: string, sub?: "bindings" | "tokens", item?: string): string {
  let path = `/api/v1/namespaces/${segment(namespace)}/services`;
  if (name === undefined) return path;
  path += `/${segment(name)}`;
  if (sub) path += `/${sub}`;
  if (item !== undefined) path += `/${item.split("/").map(segment).join("/")}`;
  return path;
}
