// A new password typed twice: the form checks the two agree before lib
// sees them, and a mismatch must not hide a password lib would refuse, so
// both messages come back in one answer (worded as lib words them).
import "server-only";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import type { FieldErrors } from "./action-state";

/** The password's length problem, worded as lib's schemas word it; undefined when lib would take it. */
export function newPasswordProblem(password: string): string | undefined {
  if (!password) return "password is required";
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return "password is too long";
  return undefined;
}

/** Field errors when the two passwords differ (with the password's own problem, if any); null when they agree. */
export function mismatchErrors(password: string, confirm: string): FieldErrors<"password" | "confirm"> | null {
  if (password === confirm) return null;
  const problem = newPasswordProblem(password);
  return { ...(problem ? { password: problem } : {}), confirm: "the two passwords do not match" };
}
