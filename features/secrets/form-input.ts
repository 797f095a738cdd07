// Reading the secret forms' FormData on the server. Values (typed, uploaded
// or generated) become Buffers for the lib functions and are never put in
// an error message or an answer.
import "server-only";
import { FieldProblems, labelsFromForm, text, texts } from "@/components/forms/read-form";
import { BadRequest } from "@/lib/errors";
import { parseInput, textProblem } from "@/lib/input/parse-input";
import { createSecretSchema, type CreateSecretInput } from "@/lib/secrets/create-secret.schema";
import { generateSpec, generateValue } from "@/lib/secrets/generate-value";
import { checkEntries, type SecretEntries } from "@/lib/secrets/secret-data";

/** The fields the create form shows errors on; an error about any other is the form's message. */
export const CREATE_SECRET_FIELDS = ["name", "type", "labels", "data", "immutable"] as const;

/** A problem with one field of the form, found before any lib call. */
const fieldProblem = (field: "data", message: string) => new BadRequest(message, { field });

/** A field that names something (a namespace, a secret): refused, naming the field, if the database could not store it. */
export function formText(form: FormData, key: string): string {
  const value = text(form, key);
  const problem = textProblem(value);
  if (problem) throw new BadRequest(`${key} ${problem}`, { field: key });
  return value;
}

function addEntry(entries: SecretEntries, key: string, bytes: Buffer) {
  if (entries.has(key)) throw fieldProblem("data", `key '${key}' appears twice`);
  entries.set(key, bytes);
}

function textEntries(form: FormData): SecretEntries {
  const keys = texts(form, "entryKey");
  const values = texts(form, "entryValue");
  const entries: SecretEntries = new Map();
  keys.forEach((raw, i) => {
    // Docker's single-value secret: one row with no key is `value`.
    const key = raw.trim() || (keys.length === 1 ? "value" : "");
    if (!key) throw fieldProblem("data", "every value needs a key");
    const value = values[i] ?? "";
    if (!value) throw fieldProblem("data", `the value for key '${key}' is empty`);
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
      throw fieldProblem("data", raw.trim() ? `choose a non-empty file for key '${raw.trim()}'` : "choose a non-empty file");
    }
    // Kubernetes' --from-file: the key defaults to the file's name.
    addEntry(entries, raw.trim() || file.name, Buffer.from(await file.arrayBuffer()));
  }
  return entries;
}

function generatedEntries(form: FormData): SecretEntries {
  const spec = generateSpec.safeParse({ length: text(form, "genLength"), alphabet: text(form, "genAlphabet") });
  if (!spec.success) throw fieldProblem("data", spec.error.issues[0]!.message);
  const key = text(form, "genKey").trim() || "value";
  return new Map([[key, generateValue(spec.data)]]);
}

/** The secret data of a create or rotate form, in the mode the user picked. */
export async function entriesFromForm(form: FormData): Promise<SecretEntries> {
  const mode = text(form, "mode");
  const entries = mode === "file" ? await fileEntries(form) : mode === "generate" ? generatedEntries(form) : textEntries(form);
  if (entries.size === 0) throw fieldProblem("data", "add at least one key");
  return entries;
}

/**
 * Everything the create form sends, read at once: a problem in the labels
 * does not hide one in the data, and lib's own rules for the name and type
 * are checked with them. The plaintext is wiped if it goes no further.
 */
export async function createSecretInput(form: FormData): Promise<{ ns: string; spec: CreateSecretInput; entries: SecretEntries }> {
  const problems = new FieldProblems();
  const ns = problems.read(() => formText(form, "ns"));
  const labels = problems.read(() => labelsFromForm(form));
  const entries = await problems.readAsync(() => entriesFromForm(form));
  const spec: CreateSecretInput = {
    name: text(form, "name").trim(),
    type: (text(form, "type") || "Opaque") as CreateSecretInput["type"],
    labels: labels ?? {},
    immutable: form.get("immutable") === "on",
  };
  try {
    problems.throwIfAny(
      () => parseInput(createSecretSchema, spec),
      () => entries && checkEntries(spec.type ?? "Opaque", entries),
    );
  } catch (error) {
    wipe(entries);
    throw error;
  }
  return { ns: ns!, spec, entries: entries! };
}

/** Overwrites the plaintext once the lib call is done with it. */
export function wipe(entries: SecretEntries | undefined) {
  for (const bytes of entries?.values() ?? []) bytes.fill(0);
}
