// What every team page does first: call lib, turning a 404 into notFound()
// and a 403 into a message the page shows instead of its content.
import "server-only";
import { notFound } from "next/navigation";
import { teamDeniedMessage } from "@/features/team/components/denied-message";
import { DomainError } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";

export type Loaded<T> = { ok: true; value: T } | { ok: false; denied: string };

export async function loadOrDeny<T>(work: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof PermissionDenied) return { ok: false, denied: teamDeniedMessage(error.permission, error.namespace) };
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
}
