// ID|NAME → the integration. Names are unique in a namespace, revoked ones
// included (the server keeps them), so a name never means two integrations;
// an exact id wins over a name that happens to look like one.
import type { ApiClient } from "../api-client";
import { CliError } from "../errors";
import { integrationPath, type IntegrationInfo } from "./types";

export async function listIntegrations(client: ApiClient, namespace: string): Promise<IntegrationInfo[]> {
  return (await client.request<{ integrations: IntegrationInfo[] }>("GET", integrationPath(namespace))).integrations;
}

export class NoSuchIntegration extends CliError {
  constructor(ref: string, namespace: string) {
    super(`Error: No such integration: ${ref} (in namespace ${namespace})`);
  }
}

export function findIntegration(integrations: IntegrationInfo[], ref: string, namespace: string): IntegrationInfo {
  const found = integrations.find((i) => i.id === ref) ?? integrations.find((i) => i.name === ref);
  if (!found) throw new NoSuchIntegration(ref, namespace);
  return found;
}
