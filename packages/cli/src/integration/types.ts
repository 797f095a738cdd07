// Shapes of the /api/v1 integration answers the CLI reads, and their paths.
// A token's plaintext is in a create or renew answer and nowhere else.
import { pathSegment as segment } from "../api-client";
import type { IntegrationInfo } from "../../../contracts/src/integrations/integration-dto";

export type { IntegrationInfo, NewIntegration } from "../../../contracts/src/integrations/integration-dto";
export { INTEGRATION_KINDS } from "../../../contracts/src/integrations/integration-dto";

/** `/api/v1/namespaces/{ns}/integrations[/{id}[/token]]` */
export function integrationPath(namespace: string, id?: string, sub?: "token"): string {
  let path = `/api/v1/namespaces/${segment(namespace)}/integrations`;
  if (id !== undefined) path += `/${segment(id)}`;
  if (sub) path += `/${sub}`;
  return path;
}

/** The state an operator acts on: revoked and expired tokens both need a new one. */
export function integrationState(integration: IntegrationInfo, now: Date): string {
  if (integration.revokedAt) return "revoked";
  if (integration.expiresAt && Date.parse(integration.expiresAt) <= now.getTime()) return "expired";
  return "active";
}
