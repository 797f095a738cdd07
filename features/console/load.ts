// What every console page does first: pick the namespace (secrets and
// services pages) and call lib, turning a 404 into notFound() and a 403
// into a message the page shows instead of its content.
import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { textProblem } from "@/lib/input/parse-input";
import { listNamespaces, type NamespaceInfo } from "@/lib/namespaces/list-namespaces";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { deniedMessage } from "@/components/forms/denied-message";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; denied: string };

export async function loadOrDeny<T>(work: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof PermissionDenied) return { ok: false, denied: deniedMessage(error.permission, error.namespace) };
    // A 400 here comes from a URL no page links to (a name holding a NUL): nothing is there.
    if (error instanceof DomainError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
}

/** The namespace asked for, else `default` when visible, else the first visible one. */
export async function resolveNamespace(actor: Actor, requested: string | undefined): Promise<{ ns: string; namespaces: NamespaceInfo[] }> {
  if (requested !== undefined) pageName(requested);
  const namespaces = await listNamespaces(actor);
  const fallback = namespaces.some((n) => n.name === "default") ? "default" : (namespaces[0]?.name ?? "default");
  return { ns: requested?.trim() || fallback, namespaces };
}

/** A name from a page's URL; one the database could not store names nothing, so the page is not found. */
export function pageName(value: string): string {
  if (textProblem(value)) notFound();
  return value;
}
