// A /v1 path's mount and secret name. Mounts are Coffer namespaces, and
// `secret` (Vault's default KV mount) is the namespace `default`. Coffer's
// secret names have no `/`, so a deeper path names nothing.
import { BadRequest, NotFound } from "../errors";

export const DEFAULT_MOUNT = "secret";

export function namespaceOfMount(mount: string): string {
  return mount === DEFAULT_MOUNT ? "default" : mount;
}

export function mountOfNamespace(namespace: string): string {
  return namespace === "default" ? DEFAULT_MOUNT : namespace;
}

type Segments = string | string[] | undefined;

function segmentsOf(value: Segments): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((part) => part !== "");
}

/**
 * The secret name of `[...name]`. `write` says how a path deeper than one
 * segment is answered: a read of it finds nothing (404, as Vault), a write
 * there is bad input (400).
 */
export function secretNameOf(value: Segments, mode: "read" | "write"): string {
  const parts = segmentsOf(value);
  if (parts.some((part) => part === "." || part === "..")) throw new BadRequest("the path may not contain '.' or '..' segments");
  if (parts.length === 0) throw new BadRequest("the path names no secret: /v1/<mount>/data/<name>");
  if (parts.length > 1) {
    const message = `'${parts.join("/").slice(0, 200)}' is not a Coffer secret name: names have no '/' (one path segment after the mount's data/ or metadata/)`;
    throw mode === "read" ? new NotFound(message) : new BadRequest(message);
  }
  return parts[0]!;
}

/** `?version=` of a data read: absent, or a whole number ≥ 1 (0 means the latest, as in Vault). */
export function versionQuery(request: Request): number | undefined {
  const raw = new URL(request.url).searchParams.get("version");
  if (raw === null || raw === "" || raw === "0") return undefined;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2_147_483_647)
    throw new BadRequest(`version must be a whole number, not '${raw.slice(0, 32)}'`);
  return Number(raw);
}

/** `?list=true` (what LIST arrives as, and what Go's client sends). */
export function isList(request: Request): boolean {
  const list = new URL(request.url).searchParams.get("list");
  return list === "true" || list === "1";
}
