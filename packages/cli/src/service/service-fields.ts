// The fields `service ls --format` offers, with their table headers; named
// and timed like `secret ls` (see secret-fields.ts).
import { timeAgo } from "../../../contracts/src/format/relative-time";
import type { Row } from "../format/template";
import { joinLabels } from "../secret/secret-fields";
import type { ServiceSummary } from "./types";

export const serviceHeaders: Record<string, string> = {
  ID: "ID",
  Name: "NAME",
  Namespace: "NAMESPACE",
  Description: "DESCRIPTION",
  Labels: "LABELS",
  Bindings: "BINDINGS",
  Tokens: "TOKENS",
  CreatedAt: "CREATED AT",
  UpdatedAt: "UPDATED AT",
  CreatedSince: "CREATED",
  UpdatedSince: "UPDATED",
};

export const defaultServiceTable = "table {{.ID}}\t{{.Name}}\t{{.Bindings}}\t{{.Tokens}}\t{{.CreatedSince}}\t{{.UpdatedSince}}";

export function serviceRow(service: ServiceSummary, now: Date): Row {
  const labels = service.labels ?? {};
  return {
    labels,
    fields: {
      ID: service.id,
      Name: service.name,
      Namespace: service.namespace,
      Description: service.description ?? "",
      Labels: joinLabels(labels),
      Bindings: service.bindings,
      Tokens: service.activeTokens,
      CreatedAt: service.createdAt,
      UpdatedAt: service.updatedAt,
      CreatedSince: timeAgo(service.createdAt, now),
      UpdatedSince: timeAgo(service.updatedAt, now),
    },
  };
}
