// `service inspect`'s two views. JSON: docker's service object for the parts
// docker has (ID, times, Spec.Name, Spec.Labels, and each binding as a
// SecretReference in Spec.TaskTemplate.ContainerSpec.Secrets, File.Mode a
// number as in docker's JSON), with Coffer's own fields under "Coffer".
// Pretty: docker's --pretty block, tabs rendered as the terminal would.
import { absoluteTime } from "../../../contracts/src/format/relative-time";
import type { ServiceDetail } from "./types";

export function dockerInspect(service: ServiceDetail) {
  return {
    ID: service.id,
    CreatedAt: service.createdAt,
    UpdatedAt: service.updatedAt,
    Spec: {
      Name: service.name,
      Labels: service.labels ?? {},
      TaskTemplate: {
        ContainerSpec: {
          Secrets: service.bindingList.map((binding) => ({
            File: { Name: binding.target, UID: String(binding.uid), GID: String(binding.gid), Mode: parseInt(binding.mode, 8) },
            SecretID: binding.secretId,
            SecretName: binding.secret,
          })),
        },
      },
    },
    Coffer: {
      Namespace: service.namespace,
      Description: service.description ?? "",
      Bindings: service.bindingList,
      Tokens: service.tokens,
      Reads: service.reads,
    },
  };
}

// docker's template puts a tab or two after each label; at 8-column tab
// stops every value starts in column 16.
const COLUMN = 16;

function line(indent: number, label: string, value: string | number): string {
  return `${`${" ".repeat(indent)}${label}:`.padEnd(COLUMN)}${value}`.trimEnd();
}

const when = (iso: string | null, otherwise: string) => (iso ? absoluteTime(iso) : otherwise);

export function prettyInspect(service: ServiceDetail): string {
  const lines = [line(0, "ID", service.id), line(0, "Name", service.name), line(0, "Namespace", service.namespace)];
  if (service.description) lines.push(line(0, "Description", service.description));
  const labels = Object.keys(service.labels ?? {}).sort();
  if (labels.length) {
    lines.push("Labels:");
    for (const key of labels) lines.push(` ${key}${service.labels[key] ? `=${service.labels[key]}` : ""}`);
  }
  lines.push(line(0, "Created at", absoluteTime(service.createdAt)), line(0, "Updated at", absoluteTime(service.updatedAt)));
  if (service.bindingList.length) {
    lines.push("Secrets:");
    for (const b of service.bindingList) {
      lines.push(line(1, "Target", b.target), line(2, "Source", b.secret), line(2, "ID", b.secretId));
      lines.push(line(2, "UID", b.uid), line(2, "GID", b.gid), line(2, "Mode", b.mode));
      if (b.envName) lines.push(line(2, "Env", `${b.envName}_FILE`));
      if (b.key) lines.push(line(2, "Key", b.key));
      lines.push(line(2, "Version", b.pinnedVersion ? `${b.version} (pinned)` : b.version));
    }
  }
  if (service.tokens.length) {
    lines.push("Tokens:");
    for (const t of service.tokens) {
      lines.push(line(1, "ID", t.id), line(2, "Name", t.name), line(2, "Prefix", t.prefix));
      lines.push(line(2, "Created at", absoluteTime(t.createdAt)), line(2, "Expires at", when(t.expiresAt, "never")));
      lines.push(line(2, "Last used", when(t.lastUsedAt, "never")));
      if (t.revokedAt) lines.push(line(2, "Revoked at", absoluteTime(t.revokedAt)));
    }
  }
  if (service.reads.length) {
    lines.push("Reads:");
    for (const r of service.reads) {
      lines.push(line(1, "Secret", r.secret), line(2, "Count", r.count));
      lines.push(line(2, "First read", absoluteTime(r.firstReadAt)), line(2, "Last read", absoluteTime(r.lastReadAt)));
    }
  }
  return `${lines.join("\n")}\n`;
}
