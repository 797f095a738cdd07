// Reading the secret forms' FormData on the server. Values (typed, uploaded
// or generated) become Buffers for the lib functions and are never put in
// an error message or an answer.
import "server-only";
import { BadRequest } from "@/lib/errors";
import { textProblem } from "@/lib/http/parse-input";
import { generateSpec, generateValue } from "@/lib/secrets/generate-value";
import type { SecretEntries } from "@/lib/secrets/secret-data";

export type FormField = "name" | "type" | "labels" | "data" | "immutable" | "confirm";
export type FieldErrors = Partial<Record<FormField, string>>;

/** A problem with one field of the form, found before any lib call. */
export class FieldProblem extends Error {
  constructor(
    readonly field: FormField,
    message: string,
  ) {
    super(message);
  }
}

export function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

/** A field that names something (a namespace, a secret): refused, naming the field, if the database could not store it. */
export function formText(form: FormData, key: string): string {
  const value = text(form, key);
  const problem = textProblem(value);
  if (problem) throw new BadRequest(`${key} ${problem}`);
  return value;
}

function texts(form: FormData, key: string): string[] {
  return form.getAll(key).map((value) => (typeof value === "string" ? value : ""));
}

/**
 * Label rows → object; rows left blank are ignored. Keys are data: the
 * rows are collected in a Map, so `__proto__` or `constructor` reaches
 * lib's label rules (which judge it) instead of vanishing or clashing.
 */
export function labelsFromForm(form: FormData): Record<string, string> {
  const keys = texts(form, "labelKey");
  const values = texts(form, "labelValue");
  const labels = new Map<string, string>();
  keys.forEach((raw, i) => {
    const key = raw.trim();
    const value = values[i] ?? "";
    if (!key && !value) return;
    if (!key) throw new FieldProblem("labels", "every label needs a key");
    if (labels.has(key)) throw new FieldProblem("labels", `label '${key}' appears twice`);
    labels.set(key, value);
  });
  // fromEntries defines own properties, `__proto__` included.
  return Object.fromEntries(labels);
}

function addEntry(entries: SecretEntries, key: string, bytes: Buffer) {
  if (entries.has(key)) throw new FieldProblem("data", `key '${key}' appears twice`);
  entries.set(key, bytes);
}

function textEntries(form: FormData): SecretEntries {
  const keys = texts(form, "entryKey");
  const values = texts(form, "entryValue");
  const entries: SecretEntries = new Map();
  keys.forEach((raw, i) => {
    // Docker's single-value secret: one row with no key is `value`.
    const key = raw.trim() || (keys.length === 1 ? "value" : "");
    if (!key) throw new FieldProblem("data", "every value needs a key");
    const value = values[i] ?? "";
    if (!value) throw new FieldProblem("data", `the value for key '${key}' is empty`);
    addEntry(entries, key, Buffer.from(value, "utf8"));
  });
  return entries;
}

async function fileEntries(form: FormData): Promise<SecretEntries> {
  const keys = texts(form, "fileKey");
  const files = form.getAll("fileValue");
  const entries: SecretEntries = new Map();
  for (const [i, raw] of keys.entries()) {
    const file = files[i];
    if (!(file instanceof File) || file.size === 0) {
      throw new FieldProblem("data", raw.trim() ? `choose a non-empty file for key '${raw.trim()}'` : "choose a non-empty file");
    }
    // Kubernetes' --from-file: the key defaults to the file's name.
    addEntry(entries, raw.trim() || file.name, Buffer.from(await file.arrayBuffer()));
  }
  return entries;
}

function generatedEntries(form: FormData): SecretEntries {
  const spec = generateSpec.safeParse({ length: text(form, "genLength"), alphabet: text(form, "genAlphabet") });
  if (!spec.success) throw new FieldProblem("data", spec.error.issues[0]!.message);
  const key = text(form, "genKey").trim() || "value";
  return new Map([[key, generateValue(spec.data)]]);
}

/** The secret data of a create or rotate form, in the mode the user picked. */
export async function entriesFromForm(form: FormData): Promise<SecretEntries> {
  const mode = text(form, "mode");
  const entries =
    mode === "file" ? await fileEntries(form)
    : mode === "generate" ? generatedEntries(form)
    : textEntries(form);
  if (entries.size === 0) throw new FieldProblem("data", "add at least one key");
  return entries;
}

/** Overwrites the plaintext once the lib call is done with it. */
export function wipe(entries: SecretEntries | undefined) {
  for (const bytes of entries?.values() ?? []) bytes.fill(0);
}
