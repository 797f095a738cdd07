// The binding form refused a pinned version of 0 before lib looked at the
// other fields, so a bad UID or variable name showed only on the next
// submit. The form's own problem and lib's rules now come back together.
import { describe, expect, it } from "vitest";
import { failure } from "@/components/forms/action-failure";
import { BINDING_FIELDS, bindingFromForm, SERVICE_FIELDS, serviceFromForm } from "./form-input";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(key, one);
  return data;
}

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
};

describe("the service forms", () => {
  it("answer a pinned version of 0 with lib's rules for the other fields", () => {
    const error = refusal(() => bindingFromForm(form({ secret: "db", pinnedVersion: "0", uid: "root", envName: "1BAD" })));
    expect(failure(error, BINDING_FIELDS)).toEqual({
      ok: false,
      fieldErrors: {
        pinnedVersion: "pinnedVersion must be 1 or more; leave it empty to follow the current version",
        uid: "uid must be a non-negative integer",
        envName: "envName must be a valid environment variable name",
      },
    });
  });

  it("answer a bad label row with lib's rules for the name and description", () => {
    const error = refusal(() =>
      serviceFromForm(form({ name: "Bad Name!", description: "x".repeat(501), labelKey: "", labelValue: "orphan" }), "create"),
    );
    expect(failure(error, SERVICE_FIELDS).fieldErrors).toEqual({
      labels: "every label needs a key",
      name: "name must be 1-64 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
      description: "description is at most 500 characters",
    });
  });

  it("read a good form as lib's input", () => {
    expect(serviceFromForm(form({ name: " api ", description: "", labelKey: ["team", ""], labelValue: ["shop", ""] }), "update")).toEqual({
      name: "api",
      description: "",
      labels: { team: "shop" },
    });
    expect(bindingFromForm(form({ secret: "db", target: "", pinnedVersion: "2" }))).toMatchObject({
      secret: "db",
      target: undefined,
      pinnedVersion: "2",
    });
  });
});
