// The console's forms guessed the field of an error from its wording (a
// regex table per feature) and showed only the first one. failure() now
// places every field lib names, and says a refusal the same way everywhere.
import { describe, expect, it } from "vitest";
import { ApprovalRequired, BadRequest, Conflict, NotFound } from "@/lib/errors";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { failure, fieldErrorsOf } from "./action-failure";
import { FieldProblems, labelsFromForm } from "./read-form";

describe("failure()", () => {
  it("returns every field error the form shows at once, each on its top-level field", () => {
    const error = new BadRequest("name: bad", {
      fields: { name: "name: bad", "labels.team": "labels.team: bad", description: "description: bad" },
    });
    expect(failure(error, ["name", "description", "labels"])).toEqual({
      ok: false,
      fieldErrors: { name: "name: bad", labels: "labels.team: bad", description: "description: bad" },
    });
  });

  it("makes an error about a field the form does not show the form's message, so it is never lost", () => {
    const hidden = new BadRequest("version must be a whole number", { field: "version" });
    expect(failure(hidden, ["confirm"])).toEqual({ ok: false, error: "version must be a whole number" });
    const mixed = new BadRequest("ns must not contain NUL", { fields: { ns: "ns must not contain NUL", data: "add at least one key" } });
    expect(failure(mixed, ["data"])).toEqual({
      ok: false,
      error: "ns must not contain NUL",
      fieldErrors: { data: "add at least one key" },
    });
    // Without a list the form has no field messages at all.
    expect(failure(new Conflict("role 'x' already exists", { field: "name" }))).toEqual({ ok: false, error: "role 'x' already exists" });
  });

  it("gives an error that names no field to the form", () => {
    expect(failure(new Conflict("secret 'db' is in use by the following service: api"), ["confirm"])).toEqual({
      ok: false,
      error: "secret 'db' is in use by the following service: api",
    });
    expect(failure(new NotFound("no such member"))).toEqual({ ok: false, error: "no such member" });
  });

  it("words a missing permission as one sentence, the same for every feature", () => {
    expect(failure(new PermissionDenied("secret:create", "prod"))).toEqual({
      ok: false,
      error: "You do not have permission to create secrets in namespace prod.",
    });
    expect(failure(new PermissionDenied("service:delete", "default"))).toEqual({
      ok: false,
      error: "You do not have permission to delete services in namespace default.",
    });
    expect(failure(new PermissionDenied("role:manage", null), ["name"])).toEqual({
      ok: false,
      error: "You do not have permission to manage roles.",
    });
  });

  it("hands an action that needs a second person's approval its gate, so the form offers to request it", () => {
    const gate = { action: "secret.delete", namespace: "prod", target: { secret: "db" } };
    const error = new ApprovalRequired("Delete a secret in prod needs a second person's approval", gate);
    expect(failure(error, ["confirm"])).toEqual({
      ok: false,
      error: "Delete a secret in prod needs a second person's approval",
      approval: gate,
    });
  });

  it("rethrows anything that is not a domain error (a 500 without details)", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(() => failure(bug, ["name"])).toThrow(bug);
    expect(() => failure("a string")).toThrow();
  });
});

describe("reading a form's fields", () => {
  it("collects every field problem and throws them together", () => {
    const form = new FormData();
    form.append("labelKey", "");
    form.append("labelValue", "orphan");
    const problems = new FieldProblems();
    expect(problems.read(() => labelsFromForm(form))).toBeUndefined();
    problems.add("data", "add at least one key");
    const error = (() => {
      try {
        problems.throwIfAny(() => {
          throw new BadRequest("name: bad", { field: "name" });
        });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BadRequest);
    expect(failure(error, ["labels", "data", "name"]).fieldErrors).toEqual({
      labels: "every label needs a key",
      data: "add at least one key",
      name: "name: bad",
    });
  });

  it("throws nothing without a problem, and lets an error that names no field through", () => {
    const problems = new FieldProblems();
    expect(problems.read(() => 7)).toBe(7);
    expect(() =>
      problems.throwIfAny(() => {
        throw new Error("never run");
      }),
    ).not.toThrow();
    expect(() =>
      problems.read(() => {
        throw new Conflict("no field");
      }),
    ).toThrow("no field");
  });

  it("words a form's own zod issues as the schema does, first per field", () => {
    const issues = [
      { path: ["email"], message: "email is required" },
      { path: ["email"], message: "email is too long" },
      { path: ["password"], message: "password is required" },
    ];
    expect(fieldErrorsOf(issues)).toEqual({ email: "email is required", password: "password is required" });
  });
});
