// The console's rotation form → lib's rules: the rotator part blank means
// none, a half-filled one is refused by lib's schema with every problem named
// on the input that shows it.
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/input/parse-input";
import { setRotationSchema } from "@/lib/rotation/rotation-policy.schema";
import { expiresAtInput, onFormFields, rotationInput } from "./rotation-form-input";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries({ every: "30d", length: "32", alphabet: "base64", ...fields })) data.set(key, value);
  return data;
}

function formErrors(fields: Record<string, string>): Record<string, string> {
  try {
    parseInput(setRotationSchema, rotationInput(form(fields)));
  } catch (error) {
    return (onFormFields(error) as DomainError).fields ?? {};
  }
  throw new Error("expected a refusal");
}

describe("rotationInput", () => {
  it("sends no rotator when its part is left blank", () => {
    expect(rotationInput(form({ rotatorAdmin: " ", roleBlue: "", roleGreen: "" }))).not.toHaveProperty("rotator");
  });

  it("sends a filled rotator as the API takes it", () => {
    const input = rotationInput(form({ rotatorAdmin: "pg-admin", roleBlue: "app_blue", roleGreen: "app_green" }));
    expect(parseInput(setRotationSchema, input).rotator).toEqual({
      kind: "postgresql",
      admin: "pg-admin",
      roles: ["app_blue", "app_green"],
    });
  });
});

describe("the form's field errors", () => {
  it("names one role only and a missing admin secret at once, each on its input", () => {
    const errors = formErrors({ every: "30s", roleBlue: "app_blue" });
    expect(errors.every).toMatch(/at least 1 minute/);
    expect(errors.rotatorAdmin).toMatch(/rotator.admin .* is required/);
    expect(errors.rotatorRoles).toMatch(/two role names/);
  });

  it("puts an invalid second role and a bad admin name on their inputs", () => {
    const errors = formErrors({ rotatorAdmin: "other/pg-admin", roleBlue: "app_blue", roleGreen: "bad role" });
    expect(errors.rotatorAdmin).toMatch(/same namespace/);
    expect(errors.rotatorRoles).toMatch(/each role must be/);
  });

  it("leaves an error that names no field as it was", () => {
    const plain = new Error("boom");
    expect(onFormFields(plain)).toBe(plain);
  });
});

describe("expiresAtInput", () => {
  const expiry = (value: string) => {
    const data = new FormData();
    data.set("expiresAt", value);
    return expiresAtInput(data);
  };

  it("turns a date into midnight UTC and an empty field into null (clears it)", () => {
    expect(expiry("2027-01-31")).toBe("2027-01-31T00:00:00Z");
    expect(expiry("  ")).toBeNull();
  });

  it("hands anything else to lib's rule, which names expiresAt", () => {
    expect(expiry("next week")).toBe("next week");
  });
});
