// The fields `secret ls --format` offers, with their table headers. The
// docker ones keep docker's names; CreatedAt/UpdatedAt are the exact ISO
// times (scripts want those) and CreatedSince/UpdatedSince the relative
// ones, as in `docker image ls`.
import { timeAgo } from "../../../contracts/src/format/relative-time";
import type { Row } from "../format/template";
import type { SecretSummary } from "./types";

export const secretHeaders: Record<string, string> = {
  ID: "ID",
  Name: "NAME",
  Namespace: "NAMESPACE",
  Type: "TYPE",
  Version: "VERSION",
  Labels: "LABELS",
  Keys: "KEYS",
  Immutable: "IMMUTABLE",
  CreatedAt: "CREATED AT",
  UpdatedAt: "UPDATED AT",
  CreatedSince: "CREATED",
  UpdatedSince: "UPDATED",
};

export const defaultSecretTable = "table {{.ID}}\t{{.Name}}\t{{.Type}}\t{{.Version}}\t{{.CreatedSince}}\t{{.UpdatedSince}}";

/** `k=v` pairs in key order (docker's map order is random; a stable one diffs better). */
export function joinLabels(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(",");
}

export function secretRow(secret: SecretSummary, now: Date): Row {
  const labels = secret.labels ?? {};
  return {
    labels,
    fields: {
      ID: secret.id,
      Name: secret.name,
      Namespace: secret.namespace,
      Type: secret.type,
      Version: secret.version,
      Labels: joinLabels(labels),
      Keys: (secret.keys ?? []).map((key) => key.name).join(","),
      Immutable: secret.immutable,
      CreatedAt: secret.createdAt,
      UpdatedAt: secret.updatedAt,
      CreatedSince: timeAgo(secret.createdAt, now),
      UpdatedSince: timeAgo(secret.updatedAt, now),
    },
  };
}
