// Shapes of the /api/v1 service answers the CLI reads. Metadata only: a service token's plaintext is in the create answer and
// nowhere else.
import { pathSegment as segment } from "../api-client";

// The answers' shapes are the contracts the server's DTOs are typed by.
export type {
  BindingInfo as Binding,
  ServiceDetail,
  ServiceRead,
  ServiceSummary,
  NewServiceToken,
  ServiceTokenInfo as ServiceToken,
} from "../../../contracts/src/services/service-dto";

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
