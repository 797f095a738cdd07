// Turns what a secret action threw into the state its form shows. Messages
// come from lib (they name the field, never a value) or from form-input.
import "server-only";
import { DomainError } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { FieldProblem, type FieldErrors, type FormField } from "./form-input";
import { deniedMessage } from "@/features/secrets/components/denied-message";

export type ActionState = { ok?: boolean; error?: string; fieldErrors?: FieldErrors };

const FIELD_OF: [RegExp, FormField][] = [
  [/^type must/, "type"],
  [/^name\b|already exists|name is reserved/, "name"],
  [/^labels?\b/, "labels"],
  [/^immutable\b/, "immutable"],
  [/^(data\b|key '|secret data|type \S+: )/, "data"],
];

/** The form state for an error; anything that is not ours is rethrown (a 500 without details). */
export function failure(error: unknown): ActionState {
  if (error instanceof FieldProblem) return { ok: false, fieldErrors: { [error.field]: error.message } };
  if (error instanceof PermissionDenied) return { ok: false, error: deniedMessage(error.permission, error.namespace) };
  if (!(error instanceof DomainError)) throw error;
  const field = error.status === 400 || error.status === 409 || error.status === 413 ? FIELD_OF.find(([re]) => re.test(error.message))?.[1] : undefined;
  return field ? { ok: false, fieldErrors: { [field]: error.message } } : { ok: false, error: error.message };
}
