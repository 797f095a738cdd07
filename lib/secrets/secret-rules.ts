// What a secret may be called and carry, checked before anything
// is written. Messages name the field so a 400 says exactly what is wrong.
import { z } from "zod";
import { isPlainObject } from "../input/parse-input";

// Docker's rule for secret names: letters, digits, '.', '_', '-'; starting
// and ending with a letter or digit.
export const SECRET_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
// Kubernetes' rule for data keys.
export const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

export const secretNameField = z
  .string({ error: "name is required" })
  .regex(SECRET_NAME, "name must be 1-64 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit");

const LABEL_KEY = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?$/;

/**
 * Labels: key → text. Not z.record, which drops a `__proto__` key without a
 * word; every key is checked and a bad one named. The result has no
 * prototype, so a label called `constructor` is only a label.
 */
export const labelsField = z
  .custom<Record<string, string>>(isPlainObject, { error: "labels must be an object of strings" })
  .meta({
    type: "object",
    propertyNames: { pattern: LABEL_KEY.source },
    additionalProperties: { type: "string", maxLength: 256 },
    maxProperties: 64,
  })
  .transform((input, ctx) => {
    const entries = Object.entries(input);
    if (entries.length > 64) ctx.addIssue({ code: "custom", message: "at most 64 labels" });
    const labels: Record<string, string> = Object.create(null);
    for (const [key, value] of entries) {
      const problem = !LABEL_KEY.test(key)
        ? `label key '${shown(key)}' must be 1-63 characters of letters, digits, '.', '_', '/' or '-'`
        : typeof value !== "string"
          ? "label values must be strings"
          : value.length > 256
            ? "label values are at most 256 characters"
            : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: LABEL_KEY.test(key) ? [key] : [] });
      else labels[key] = value;
    }
    return labels;
  });

export function checkKeyName(key: string): string | null {
  if (!SECRET_KEY.test(key) || key.length > 253) return `key '${shown(key)}' must match [-._a-zA-Z0-9]+ (at most 253 characters)`;
  if (key === "." || key === "..") return `key '${key}' is not allowed`;
  return null;
}

/** A name as quoted in a message: a long one is cut, so a 400 never echoes a megabyte. */
function shown(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}
