// Turns what a console server action threw into the state its form shows.
// lib names the fields its errors are about (parseInput puts every zod
// issue's path on the error), so nothing here guesses from the wording.
import "server-only";
import type { ActionState, FieldErrors } from "@/components/forms/action-state";
import { ApprovalRequired, DomainError } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { deniedMessage } from "./denied-message";

/**
 * The form state for an error; anything that is not ours is rethrown (a
 * 500 without details). Every field error whose field the form shows
 * (`shown`, by top-level name: "labels.team" shows on `labels`) comes back
 * at once; an error about a field the form does not show, or about none,
 * is the form's message, so no message is ever lost off screen.
 */
export function failure<F extends string = never>(error: unknown, shown: readonly F[] = []): ActionState<F> {
  // The gate goes to the form, which offers to request the approval (approval-request.tsx).
  if (error instanceof ApprovalRequired) return { ok: false, error: error.message, approval: error.gate };
  if (error instanceof PermissionDenied) return { ok: false, error: deniedMessage(error.permission, error.namespace) };
  if (!(error instanceof DomainError)) throw error;
  const fieldErrors: FieldErrors<F> = {};
  let elsewhere: string | undefined;
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = shown.find((name) => name === path.split(".")[0]);
    if (field) fieldErrors[field] ??= message;
    else elsewhere ??= message;
  }
  if (Object.keys(fieldErrors).length === 0) return { ok: false, error: error.message };
  return elsewhere ? { ok: false, error: elsewhere, fieldErrors } : { ok: false, fieldErrors };
}

/** zod issues of a form's own parse → the first message per top-level field, worded as the schema words it. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}
