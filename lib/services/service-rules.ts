// What a service and a binding may look like; every message names its field.
import { z } from "zod";
import { labelsField, SECRET_NAME } from "../secrets/secret-rules";

export const serviceNameField = z
  .string({ error: "name is required" })
  .regex(SECRET_NAME, "name must be 1-64 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit");

export const createServiceSchema = z.object({
  name: serviceNameField,
  description: z.string({ error: "description must be a string" }).max(500, "description is at most 500 characters").default(""),
  labels: labelsField.default({}),
});

export const updateServiceSchema = z.object({
  name: serviceNameField.optional(),
  description: z.string({ error: "description must be a string" }).max(500, "description is at most 500 characters").optional(),
  labels: labelsField.optional(),
});

// A file name relative to the delivery directory: no absolute path, no
// `..`, nothing that could write outside /run/secrets (Docker allows an
// absolute target only inside the container; we have no container).
export function checkTarget(target: string): string | null {
  if (!target) return "target must not be empty";
  if (target.length > 255) return "target is at most 255 characters";
  if (target.startsWith("/")) return "target must be a relative file name, not an absolute path";
  const parts = target.split("/");
  if (parts.some((part) => part === ".." || part === "." || part === "")) return "target must not contain '..', '.' or empty path segments";
  if (!/^[A-Za-z0-9._/-]+$/.test(target)) return "target may contain only letters, digits, '.', '_', '-' and '/'";
  // The agent keeps its own files (.coffer-agent.json, .coffer-tmp-*) in the delivery directory.
  if (parts.some((part) => part.startsWith(".coffer"))) return "target must not start with '.coffer' (reserved for the agent)";
  return null;
}

/** "0440", "440", "0o440" or a number ≤ 0o777 → the mode; else null. */
export function parseMode(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= 0o777 ? value : null;
  if (typeof value !== "string" || !/^(0o?)?[0-7]{1,4}$/.test(value)) return null;
  const mode = parseInt(value.replace(/^0o/, ""), 8);
  return mode <= 0o777 ? mode : null;
}

const id = (field: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
    z
      .number({ error: `${field} must be a non-negative integer` })
      .int(`${field} must be a non-negative integer`)
      .min(0, `${field} must be a non-negative integer`)
      .max(2 ** 31 - 1, `${field} is too large`),
  );

export const bindingSchema = z.object({
  secret: z.string({ error: "secret is required" }).min(1, "secret is required"),
  target: z.string({ error: "target must be a string" }).optional(),
  uid: id("uid").default(0),
  gid: id("gid").default(0),
  mode: z.union([z.string(), z.number()], { error: "mode must be an octal number between 0 and 0777" }).optional(),
  envName: z
    .string({ error: "envName must be a string" })
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "envName must be a valid environment variable name")
    .nullish(),
  key: z.string({ error: "key must be a string" }).min(1, "key must not be empty").nullish(),
  pinnedVersion: id("pinnedVersion")
    .refine((v) => v > 0, "pinnedVersion must be a version number (1 or more)")
    .nullish(),
});

export type BindingInput = z.input<typeof bindingSchema>;

export function formatMode(mode: number): string {
  return `0${mode.toString(8).padStart(3, "0")}`;
}
