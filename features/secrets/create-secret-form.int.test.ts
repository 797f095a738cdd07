// The create-secret form showed one field's error at a time: the first
// problem (a label row, then the data, then lib's name rule) hid the rest,
// so a form with three mistakes took three submits. Now every field's
// error comes back in one answer, next to its field.
import { beforeAll, describe, expect, it } from "vitest";
import { failure } from "@/components/forms/action-failure";
import type { UserActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createSecret } from "@/lib/secrets/create-secret";
import { createUser } from "@/tests/support/factories";
import { CREATE_SECRET_FIELDS, createSecretInput } from "./form-input";

let actor: UserActor;

function createForm(fields: { name: string; type?: string; entries: [string, string][]; labels?: [string, string][] }): FormData {
  const form = new FormData();
  form.set("ns", "default");
  form.set("name", fields.name);
  if (fields.type) form.set("type", fields.type);
  form.set("mode", "text");
  for (const [key, value] of fields.entries) {
    form.append("entryKey", key);
    form.append("entryValue", value);
  }
  for (const [key, value] of fields.labels ?? []) {
    form.append("labelKey", key);
    form.append("labelValue", value);
  }
  return form;
}

/** What the create action answers for `form`: the same reading, lib call and failure() it uses. */
async function submit(form: FormData) {
  try {
    const input = await createSecretInput(form);
    await createSecret(actor, input.ns, input.spec, input.entries);
    return { ok: true };
  } catch (error) {
    return failure(error, CREATE_SECRET_FIELDS);
  }
}

beforeAll(async () => {
  actor = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
});

describe("the create-secret form", () => {
  it("answers a bad label row, an empty value and a bad name together", async () => {
    const before = await db.secret.count();
    const state = await submit(createForm({ name: "Not A Name!", entries: [["password", ""]], labels: [["", "orphan"]] }));
    expect(state).toEqual({
      ok: false,
      fieldErrors: {
        labels: "every label needs a key",
        data: "the value for key 'password' is empty",
        name: "name must be 1-64 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
      },
    });
    expect(await db.secret.count()).toBe(before);
  });

  it("answers two fields lib refuses (the name and the type) together", async () => {
    const state = await submit(createForm({ name: "Not A Name!", type: "kubernetes.io/nope", entries: [["value", "s3cret"]] }));
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["name", "type"]);
    expect(state.fieldErrors?.type).toMatch(/^type must be one of Opaque, /);
    expect("error" in state).toBe(false);
  });

  it("puts a name that is taken next to the name, and a type's missing key next to the data", async () => {
    expect(await submit(createForm({ name: "taken", entries: [["value", "one"]] }))).toEqual({ ok: true });
    expect((await submit(createForm({ name: "taken", entries: [["value", "two"]] }))).fieldErrors).toEqual({
      name: "secret 'taken' already exists in namespace 'default'",
    });
    expect((await submit(createForm({ name: "tls", type: "kubernetes.io/tls", entries: [["tls.crt", "x"]] }))).fieldErrors).toEqual({
      data: "type kubernetes.io/tls: missing required key 'tls.key'",
    });
  });
});
