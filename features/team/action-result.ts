// Turns what a team action threw into the state its form shows: a field's
// message when lib named the field, else one message for the form.
import "server-only";
import { teamDeniedMessage } from "@/features/team/components/denied-message";
import { DomainError } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";

export type TeamActionState = { ok?: boolean; error?: string; fieldErrors?: Record<string, string> };

/** [pattern of lib's message, form field it belongs to] */
export type FieldRules = [RegExp, string][];

/** The form state for an error; anything that is not a DomainError is rethrown (a 500 without details). */
export function failure(error: unknown, fields: FieldRules = []): TeamActionState {
  if (error instanceof PermissionDenied) return { ok: false, error: teamDeniedMessage(error.permission, error.namespace) };
  if (!(error instanceof DomainError)) throw error;
  const field = error.status === 400 || error.status === 409 ? fields.find(([re]) => re.test(error.message))?.[1] : undefined;
  return field ? { ok: false, fieldErrors: { [field]: error.message } } : { ok: false, error: error.message };
}

export function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}
