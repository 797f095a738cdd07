// Reading the console's rotation form (issue 18) into the body of
// PUT …/rotation, and lib's field paths back onto the form's inputs. The
// rules stay in lib/rotation's schema: nothing here judges a value.
import { text } from "@/components/forms/read-form";
import { BadRequest, DomainError } from "@/lib/errors";

/** The inputs the rotation form shows errors on. */
export const ROTATION_FIELDS = ["every", "generator", "rotatorAdmin", "rotatorRoles"] as const;

/** The form's values as lib's input. The rotator part left blank means "no rotator"; anything typed in it is sent to lib's rules. */
export function rotationInput(form: FormData): Record<string, unknown> {
  const key = text(form, "key").trim();
  const admin = text(form, "rotatorAdmin").trim();
  const roles = [text(form, "roleBlue").trim(), text(form, "roleGreen").trim()];
  const rotatorTyped = admin !== "" || roles.some(Boolean);
  return {
    every: text(form, "every").trim(),
    generator: { length: text(form, "length"), alphabet: text(form, "alphabet"), ...(key ? { key } : {}) },
    // Blanks left out, so one role reads as "two role names" and no admin as "rotator.admin is required".
    ...(rotatorTyped ? { rotator: { kind: "postgresql", ...(admin ? { admin } : {}), roles: roles.filter(Boolean) } } : {}),
  };
}

/** lib's "rotator.admin" / "rotator.roles.1" / "rotator" → the form input showing it; other paths stay. */
export function formFieldOf(path: string): string {
  if (path === "rotator.admin") return "rotatorAdmin";
  if (path === "rotator" || path.startsWith("rotator.")) return "rotatorRoles";
  return path;
}

/** The same error with its field paths renamed for the form, so every message shows next to its input. */
export function onFormFields(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.fields) return error;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) fields[formFieldOf(path)] ??= message;
  return Object.assign(new BadRequest(error.message, { fields }), { status: error.status, code: error.code });
}

export const EXPIRY_FIELDS = ["expiresAt"] as const;

/** The expiry form's date → lib's expiresAt: midnight UTC, null when left empty (clears it); anything else goes to lib's rule as typed. */
export function expiresAtInput(form: FormData): string | null {
  const value = text(form, "expiresAt").trim();
  if (value === "") return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}
