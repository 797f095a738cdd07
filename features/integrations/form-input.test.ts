import { describe, expect, it } from "vitest";
import { failure } from "@/components/forms/action-failure";
import { parseInput } from "@/lib/input/parse-input";
import { createIntegrationSchema } from "@/lib/integrations/integration-rules";
import { INTEGRATION_FIELDS, integrationFromForm } from "./form-input";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** What the action gets back when lib parses the form's input. */
function answer(fields: Record<string, string>) {
  try {
    parseInput(createIntegrationSchema, integrationFromForm(form(fields)));
  } catch (error) {
    return failure(error, INTEGRATION_FIELDS);
  }
  return { ok: true };
}

describe("the New integration form", () => {
  it("hands lib the kind, the trimmed name and the expiry in days", () => {
    expect(integrationFromForm(form({ kind: "docker-swarm", name: " prod-swarm ", expiresInDays: "90" }))).toEqual({
      kind: "docker-swarm",
      name: "prod-swarm",
      expiresInDays: 90,
    });
    expect(answer({ kind: "docker-swarm", name: "prod-swarm", expiresInDays: "90" })).toEqual({ ok: true });
  });

  it("reads Never as no expiry, and no choice as lib's default", () => {
    expect(integrationFromForm(form({ kind: "kubernetes-kms", name: "k", expiresInDays: "never" })).expiresInDays).toBeNull();
    expect(integrationFromForm(form({ kind: "kubernetes-kms", name: "k" })).expiresInDays).toBeUndefined();
  });

  it("gets every field's problem back at once, each on its field", () => {
    const refused = answer({ kind: "nomad", name: "-bad", expiresInDays: "soon" });
    expect(refused.ok).toBe(false);
    expect(Object.keys((refused as { fieldErrors?: object }).fieldErrors ?? {}).sort()).toEqual(["expiresInDays", "kind", "name"]);
  });
});
