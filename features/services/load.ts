// What every services page does first: pick the namespace (as the secrets
// pages do) and call lib, turning a 404 into notFound() and a 403 into a
// message for the page.
import "server-only";
import { notFound } from "next/navigation";
import { serviceDeniedMessage } from "@/features/services/components/denied-message";
import { DomainError } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";

export { first, resolveNamespace, type SearchParams } from "../console/load";

export type Loaded<T> = { ok: true; value: T } | { ok: false; denied: string };

export async function loadOrDeny<T>(work: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof PermissionDenied) return { ok: false, denied: serviceDeniedMessage(error.permission, error.namespace) };
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
}
