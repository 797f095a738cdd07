// The fields `integration ls --format` offers, with their table headers;
// named and timed like `service ls` (service-fields.ts).
import { timeAgo } from "../../../contracts/src/format/relative-time";
import type { Row } from "../format/template";
import { integrationState, type IntegrationInfo } from "./types";

export const integrationHeaders: Record<string, string> = {
  ID: "ID",
  Name: "NAME",
  Namespace: "NAMESPACE",
  Kind: "KIND",
  Prefix: "PREFIX",
  State: "STATE",
  CreatedBy: "CREATED BY",
  CreatedAt: "CREATED AT",
  CreatedSince: "CREATED",
  ExpiresAt: "EXPIRES AT",
  LastUsedAt: "LAST USED AT",
  LastUsedSince: "LAST USED",
  RevokedAt: "REVOKED AT",
};

export const defaultIntegrationTable =
  "table {{.ID}}\t{{.Name}}\t{{.Kind}}\t{{.Prefix}}\t{{.State}}\t{{.ExpiresAt}}\t{{.LastUsedSince}}\t{{.CreatedSince}}";

export function integrationRow(integration: IntegrationInfo, now: Date): Row {
  return {
    labels: {},
    fields: {
      ID: integration.id,
      Name: integration.name,
      Namespace: integration.namespace,
      Kind: integration.kind,
      Prefix: integration.prefix,
      State: integrationState(integration, now),
      CreatedBy: integration.createdBy ?? "",
      CreatedAt: integration.createdAt,
      CreatedSince: timeAgo(integration.createdAt, now),
      ExpiresAt: integration.expiresAt ?? "never",
      LastUsedAt: integration.lastUsedAt ?? "",
      LastUsedSince: integration.lastUsedAt ? timeAgo(integration.lastUsedAt, now) : "never",
      RevokedAt: integration.revokedAt ?? "",
    },
  };
}
