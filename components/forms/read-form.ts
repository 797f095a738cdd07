// Reading a submitted form on the server, without one bad field hiding the
// next: each reader's field problem is noted, and all of them are thrown
// together as one BadRequest that names every field.
import "server-only";
import { BadRequest, DomainError } from "@/lib/errors";

/** A text field of a submitted form ("" when missing or a file). */
export function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

/** Every value of a repeated text field (rows of an editor), files as "". */
export function texts(form: FormData, key: string): string[] {
  return form.getAll(key).map((value) => (typeof value === "string" ? value : ""));
}

/**
 * The label rows of a form (LabelsEditor's labelKey/labelValue) → object;
 * rows left blank are ignored. Keys are data: the rows are collected in a
 * Map, so `__proto__` or `constructor` reaches lib's label rules (which
 * judge it) instead of vanishing or clashing.
 */
export function labelsFromForm(form: FormData): Record<string, string> {
  const keys = texts(form, "labelKey");
  const values = texts(form, "labelValue");
  const labels = new Map<string, string>();
  keys.forEach((raw, i) => {
    const key = raw.trim();
    const value = values[i] ?? "";
    if (!key && !value) return;
    if (!key) throw new BadRequest("every label needs a key", { field: "labels" });
    if (labels.has(key)) throw new BadRequest(`label '${key}' appears twice`, { field: "labels" });
    labels.set(key, value);
  });
  // fromEntries defines own properties, `__proto__` included.
  return Object.fromEntries(labels);
}

export class FieldProblems {
  private readonly found = new Map<string, string>();

  /** The reader's value, or undefined once the field problem it threw is noted; any other error is rethrown. */
  read<T>(reader: () => T): T | undefined {
    try {
      return reader();
    } catch (error) {
      this.note(error);
      return undefined;
    }
  }

  async readAsync<T>(reader: () => Promise<T>): Promise<T | undefined> {
    try {
      return await reader();
    } catch (error) {
      this.note(error);
      return undefined;
    }
  }

  /** A problem the form found itself. */
  add(field: string, message: string): void {
    if (!this.found.has(field)) this.found.set(field, message);
  }

  get any(): boolean {
    return this.found.size > 0;
  }

  /**
   * Throws every problem noted as one BadRequest. When there are some,
   * `alsoCheck` (lib's own rules for the other fields) run first, so the
   * fields the form did not judge come back in the same answer.
   */
  throwIfAny(...alsoCheck: (() => unknown)[]): void {
    if (!this.any) return;
    for (const check of alsoCheck) {
      try {
        check();
      } catch (error) {
        // A problem that names no field waits for the next submit, after these are fixed.
        if (!(error instanceof DomainError)) throw error;
        if (error.fields) this.note(error);
      }
    }
    const [first] = this.found.values();
    throw new BadRequest(first!, { fields: Object.fromEntries(this.found) });
  }

  private note(error: unknown): void {
    if (!(error instanceof DomainError) || !error.fields) throw error;
    for (const [path, message] of Object.entries(error.fields)) this.add(path, message);
  }
}
