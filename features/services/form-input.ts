// Reading the service forms' FormData on the server. Each reader returns
// every field's problem at once: what the form judges itself (label rows,
// a pinned version of 0) together with lib's rules for the other fields.
import "server-only";
import { FieldProblems, labelsFromForm, text } from "@/components/forms/read-form";
import { parseInput } from "@/lib/input/parse-input";
import { bindingSchema, createServiceSchema, updateServiceSchema, type BindingInput } from "@/lib/services/service-rules";

/** The fields the service forms show errors on; an error about any other is the form's message. */
export const SERVICE_FIELDS = ["name", "description", "labels"] as const;
export const BINDING_FIELDS = ["secret", "target", "uid", "gid", "mode", "envName", "key", "pinnedVersion"] as const;

/** Name, description and labels of the create or edit form. */
export function serviceFromForm(form: FormData, use: "create" | "update") {
  const problems = new FieldProblems();
  const labels = problems.read(() => labelsFromForm(form));
  const spec = { name: text(form, "name").trim(), description: text(form, "description").trim(), labels: labels ?? {} };
  problems.throwIfAny(() => parseInput(use === "create" ? createServiceSchema : updateServiceSchema, spec));
  return spec;
}

/** A trimmed text field, or undefined when left empty (so lib applies its default). */
function optional(form: FormData, key: string): string | undefined {
  return text(form, key).trim() || undefined;
}

export function bindingFromForm(form: FormData): BindingInput {
  const problems = new FieldProblems();
  const pinned = optional(form, "pinnedVersion");
  // lib's own message for 0 does not say that empty means "follow the current version".
  if (pinned !== undefined && /^0+$/.test(pinned)) {
    problems.add("pinnedVersion", "pinnedVersion must be 1 or more; leave it empty to follow the current version");
  }
  const binding = {
    secret: text(form, "secret"),
    target: optional(form, "target"),
    uid: optional(form, "uid"),
    gid: optional(form, "gid"),
    mode: optional(form, "mode"),
    envName: optional(form, "envName") ?? null,
    key: optional(form, "key") ?? null,
    pinnedVersion: pinned ?? null,
  };
  problems.throwIfAny(() => parseInput(bindingSchema, { ...binding, pinnedVersion: null }));
  return binding;
}
