// What a secret may be called and carry (DESIGN 3), checked before anything
// is written. Messages name the field so a 400 says exactly what is wrong.
import { z } from "zod";

// Docker's and DESIGN 3's rule: letters, digits, '.', '_', '-'; starting
// and ending with a letter or digit.
export const SECRET_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
// Kubernetes' rule for data keys.
export const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

export const secretNameField = z
  .string({ error: "name is required" })
  .regex(
    SECRET_NAME,
    "name must be 1-64 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
  );

const LABEL_KEY = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?$/;

export const labelsField = z
  .record(z.string(), z.string({ error: "label values must be strings" }).max(256, "label values are at most 256 characters"), {
    error: "labels must be an object of strings",
  })
  .superRefine((labels, ctx) => {
    const keys = Object.keys(labels);
    if (keys.length > 64) ctx.addIssue({ code: "custom", message: "at most 64 labels" });
    for (const key of keys) {
      if (!LABEL_KEY.test(key)) {
        ctx.addIssue({ code: "custom", message: `label key '${key}' must be 1-63 characters of letters, digits, '.', '_', '/' or '-'` });
      }
    }
  });

export function checkKeyName(key: string): string | null {
  if (!SECRET_KEY.test(key) || key.length > 253) return `key '${key}' must match [-._a-zA-Z0-9]+`;
  if (key === "." || key === "..") return `key '${key}' is not allowed`;
  return null;
}
