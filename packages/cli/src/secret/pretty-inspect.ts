// `secret inspect --pretty`: docker's block (ID, Name, Labels, Driver,
// Created at, Updated at) with every value in one column, then what Coffer
// adds. Metadata only: key names and sizes, never a value.
import { absoluteTime } from "../../../contracts/src/format/relative-time";
import type { SecretDetail } from "./types";

const COLUMN = 19;

function line(label: string, value: string | number | boolean): string {
  return `${`${label}:`.padEnd(COLUMN)}${value}`.trimEnd();
}

export function prettyInspect(secret: SecretDetail): string {
  const lines = [line("ID", secret.id), line("Name", secret.name), line("Namespace", secret.namespace)];
  const labels = Object.keys(secret.labels ?? {}).sort();
  if (labels.length) {
    lines.push("Labels:");
    // docker prints ` - key` for an empty value.
    for (const key of labels) lines.push(` - ${key}${secret.labels[key] ? `=${secret.labels[key]}` : ""}`);
  }
  lines.push(
    line("Driver", ""),
    line("Created at", absoluteTime(secret.createdAt)),
    line("Updated at", absoluteTime(secret.updatedAt)),
    line("Type", secret.type),
    line("Version", secret.version),
    line("Immutable", secret.immutable),
    "Keys:",
    ...(secret.keys ?? []).map((key) => ` - ${key.name} (${key.size} ${key.size === 1 ? "byte" : "bytes"})`),
  );
  return `${lines.join("\n")}\n`;
}
