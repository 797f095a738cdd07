// Request bodies of the Vault KV v2 API (/v1), in Vault's field names.
// A KV `data` map becomes a secret's entries: each value must be a string,
// since Coffer keeps bytes per key and a number or an object would not read
// back as what was written. Keys travel in Maps from here on, as in
// lib/secrets/secret-data.ts, so `__proto__` is a key like any other.
import { z } from "zod";
import { INT4_MAX, isPlainObject, textProblem, wholeNumber } from "../input/parse-input";
import { labelsField, SECRET_KEY } from "../secrets/secret-rules";

/** A merge patch's entries: `null` removes the key. */
export type KvPatchEntries = Map<string, Buffer | null>;

function kvDataField<Nullable extends boolean>(nullable: Nullable) {
  const kind = nullable ? "strings, or null to remove the key" : "strings";
  return z
    .custom<Record<string, unknown>>(isPlainObject, { error: `data must be an object of key → ${kind}` })
    .meta({
      type: "object",
      propertyNames: { pattern: SECRET_KEY.source, maxLength: 253 },
      additionalProperties: nullable ? { type: ["string", "null"] } : { type: "string" },
      description: `key → value (${kind})`,
    })
    .transform((object, ctx) => {
      const entries = new Map<string, Buffer | null>();
      for (const [key, value] of Object.entries(object)) {
        if (nullable && value === null) {
          entries.set(key, null);
          continue;
        }
        if (typeof value !== "string") {
          ctx.addIssue({ code: "custom", path: [key], message: `data.${key} must be a string: Coffer keeps each key's value as text` });
          return z.NEVER;
        }
        const problem = textProblem(value, { allowNul: true });
        if (problem) {
          ctx.addIssue({ code: "custom", path: [key], message: `data.${key} ${problem}` });
          return z.NEVER;
        }
        entries.set(key, Buffer.from(value, "utf8"));
      }
      return entries as Nullable extends true ? KvPatchEntries : Map<string, Buffer>;
    });
}

const casField = wholeNumber("options.cas", 0, INT4_MAX);

const optionsField = z
  .object({ cas: casField.optional() }, { error: "options must be an object" })
  .strict()
  .optional()
  .meta({ description: "cas: write only if the current version is this one (0: only if the secret does not exist)" });

/** POST/PUT /v1/{mount}/data/{name}: create or rotate. */
export const kvWriteBodySchema = z.object({ data: kvDataField(false), options: optionsField }).strict();

/** PATCH /v1/{mount}/data/{name}: a JSON merge patch of the current version's keys. */
export const kvPatchBodySchema = z.object({ data: kvDataField(true), options: optionsField }).strict();

/** POST undelete/, PUT destroy/: the versions acted on. */
export const kvVersionsBodySchema = z
  .object({
    versions: z
      .array(wholeNumber("versions[]", 1, INT4_MAX), { error: "versions must be a list of version numbers" })
      .min(1, "versions must name at least one version")
      .max(1000, "versions may name at most 1000 versions"),
  })
  .strict();

function neutral<T extends z.ZodType>(field: string, schema: T, accepted: string) {
  return schema.optional().meta({
    description: `accepted only as ${accepted}: Coffer ${field === "max_versions" ? "keeps versions by its own retention" : "has no such setting"}`,
  });
}

/** POST/PUT /v1/{mount}/metadata/{name}: custom_metadata are the secret's labels. */
export const kvMetadataBodySchema = z
  .object({
    custom_metadata: labelsField.optional(),
    max_versions: neutral(
      "max_versions",
      z.literal(0, {
        error:
          "max_versions is not supported: Coffer keeps the newest versions by its own retention (COFFER_MAX_VERSIONS); send 0 or leave it out",
      }),
      "0",
    ),
    cas_required: neutral(
      "cas_required",
      z.literal(false, { error: "cas_required is not supported; send false or leave it out" }),
      "false",
    ),
    delete_version_after: neutral(
      "delete_version_after",
      z.enum(["0s", ""], {
        error: 'delete_version_after is not supported: a deleted secret is purged after the recovery window; send "0s" or leave it out',
      }),
      '"0s"',
    ),
  })
  .strict();
