// Turns what a service action threw into the state its form shows. lib's
// messages start with the field they are about ("mode must be…",
// "pinnedVersion: …"), which picks the field that shows them.
import "server-only";
import { serviceDeniedMessage } from "@/features/services/components/denied-message";
import { DomainError } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { FieldProblem as SecretFormProblem } from "../secrets/form-input";

export type ServiceField =
  | "name"
  | "description"
  | "labels"
  | "confirm"
  | "secret"
  | "target"
  | "uid"
  | "gid"
  | "mode"
  | "envName"
  | "key"
  | "pinnedVersion"
  | "expiresInDays";
export type ServiceFieldErrors = Partial<Record<ServiceField, string>>;

export type ActionState = { ok?: boolean; error?: string; fieldErrors?: ServiceFieldErrors };

/** A problem with one field of a form, found before any lib call. */
export class FieldProblem extends Error {
  constructor(
    readonly field: ServiceField,
    message: string,
  ) {
    super(message);
  }
}

const FIELD_OF: [RegExp, ServiceField][] = [
  [/^secret\b(?! '[^']*' is in use)/, "secret"],
  [/^target\b|already has a secret at target/, "target"],
  [/^uid\b/, "uid"],
  [/^gid\b/, "gid"],
  [/^mode\b/, "mode"],
  [/^envName\b/, "envName"],
  [/^key\b/, "key"],
  [/^pinnedVersion\b/, "pinnedVersion"],
  [/^expiresInDays\b/, "expiresInDays"],
  [/^description\b/, "description"],
  [/^(labels?\b|at most \d+ labels)/, "labels"],
  [/^name\b|already exists/, "name"],
];

/** The form state for an error; anything that is not ours is rethrown (a 500 without details). */
export function failure(error: unknown): ActionState {
  if (error instanceof FieldProblem) return { ok: false, fieldErrors: { [error.field]: error.message } };
  if (error instanceof SecretFormProblem) return { ok: false, fieldErrors: { labels: error.message } };
  if (error instanceof PermissionDenied) return { ok: false, error: serviceDeniedMessage(error.permission, error.namespace) };
  if (!(error instanceof DomainError)) throw error;
  const field = error.status === 400 || error.status === 409 ? FIELD_OF.find(([re]) => re.test(error.message))?.[1] : undefined;
  return field ? { ok: false, fieldErrors: { [field]: error.message } } : { ok: false, error: error.message };
}
