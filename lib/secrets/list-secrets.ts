import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { BadRequest } from "../errors";
import { textProblem } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { findNamespaceOrThrow } from "./find-secret";
import { summarySelect, toSummary, type SecretSummary } from "./secret-dto";

export type SecretFilters = { namePrefix?: string; labels: { key: string; value?: string }[]; stale?: boolean };

/** Docker's `--filter name=db` (prefix) and `--filter label=env` / `label=env=prod`. */
export function parseSecretFilters(filters: string[]): SecretFilters {
  const parsed: SecretFilters = { labels: [] };
  for (const filter of filters) {
    const problem = textProblem(filter);
    if (problem) throw new BadRequest(`filter ${problem}`, { field: "filter" });
    const [kind, ...rest] = filter.split("=");
    const value = rest.join("=");
    if (kind === "name" && value) parsed.namePrefix = value;
    else if (kind === "stale" && (value === "true" || value === "false")) parsed.stale = value === "true";
    else if (kind === "label" && rest[0]) {
      parsed.labels.push(rest.length > 1 ? { key: rest[0], value: rest.slice(1).join("=") } : { key: rest[0] });
    } else
      throw new BadRequest(`filter '${filter}' must be name=PREFIX, label=KEY, label=KEY=VALUE or stale=true|false`, { field: "filter" });
  }
  return parsed;
}

export async function listSecrets(actor: Actor, namespace: string, filters: SecretFilters = { labels: [] }): Promise<SecretSummary[]> {
  return audited(actor, "secret.list", async (tx) => {
    await authorize(tx, actor, "secret:list", namespace);
    const ns = await findNamespaceOrThrow(tx, namespace);
    const rows = await tx.secret.findMany({
      where: { namespaceId: ns.id, deletedAt: null, ...(filters.namePrefix ? { name: { startsWith: filters.namePrefix } } : {}) },
      select: summarySelect,
      orderBy: { name: "asc" },
    });
    return rows
      .map(toSummary)
      .filter((secret) => matchesLabels(secret.labels, filters.labels) && (filters.stale === undefined || secret.stale === filters.stale));
  });
}

function matchesLabels(labels: Record<string, string>, wanted: SecretFilters["labels"]): boolean {
  // Own keys only: `label=constructor` must not match every secret.
  return wanted.every(({ key, value }) => Object.hasOwn(labels, key) && (value === undefined || labels[key] === value));
}
