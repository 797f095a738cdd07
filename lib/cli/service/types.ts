// Shapes of the /api/v1 service answers the CLI reads (DESIGN 5 and 7).
// Metadata only: a service token's plaintext is in the create answer and
// nowhere else.
import { CliError } from "../errors";

export type ServiceSummary = {
  id: string;
  name: string;
  namespace: string;
  description: string;
  labels: Record<string, string>;
  /** How many secrets are bound. */
  bindings: number;
  /** Tokens neither revoked nor deleted (expired ones still count). */
  activeTokens: number;
  createdAt: string;
  updatedAt: string;
};

/** One `--secret-add` as the server keeps it. */
export type Binding = {
  id: string;
  secret: string;
  secretId: string;
  target: string;
  uid: number;
  gid: number;
  /** Octal, "0444". */
  mode: string;
  envName: string | null;
  key: string | null;
  pinnedVersion: number | null;
  /** The version the service receives now. */
  version: number;
  createdAt: string;
};

export type ServiceToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type NewServiceToken = ServiceToken & { token: string };

export type ServiceRead = { secret: string; firstReadAt: string; lastReadAt: string; count: number };

export type ServiceDetail = ServiceSummary & { bindingList: Binding[]; tokens: ServiceToken[]; reads: ServiceRead[] };

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
 * One path segment. encodeURIComponent leaves `.` and `..` as they are, and
 * URL parsing then resolves them: `--secret-rm ../..` would turn
 * `DELETE …/services/db/bindings/../..` into `DELETE …/services/db`.
 */
function segment(value: string): string {
  if (value === "" || value === "." || value === "..") throw new CliError(`invalid name "${value}"`);
  return encodeURIComponent(value);
}

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
