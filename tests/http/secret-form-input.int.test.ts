// Regression: the console kept a key named `__proto__` as metadata
// without its value (the sealed payload was built with `object[key] = …`).
// The form's rows are parsed into Maps and reach the sealed payload intact.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createSecret } from "@/lib/secrets/create-secret";
import { rotateSecret } from "@/lib/secrets/rotate-secret";
import * as valueRoute from "@/app/api/v1/namespaces/[ns]/secrets/[name]/value/route";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { failure } from "@/components/forms/action-failure";
import { labelsFromForm } from "@/components/forms/read-form";
import { CREATE_SECRET_FIELDS, entriesFromForm } from "../../features/secrets/form-input";

const KEYS = ["__proto__", "constructor", "hasOwnProperty"];
let actor: UserActor;
let token: string;

function textForm(rows: [string, string][], labels: [string, string][] = []): FormData {
  const form = new FormData();
  form.set("mode", "text");
  for (const [key, value] of rows) {
    form.append("entryKey", key);
    form.append("entryValue", value);
  }
  for (const [key, value] of labels) {
    form.append("labelKey", key);
    form.append("labelValue", value);
  }
  return form;
}

async function revealed(name: string): Promise<Map<string, string>> {
  const response = await call(valueRoute.GET, { token, params: { ns: "default", name } });
  expect(response.status).toBe(200);
  const data = JSON.parse(response.text).data as Record<string, string>;
  return new Map(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, "base64").toString()]));
}

beforeAll(async () => {
  const owner = await createUser("owner@example.com", [{ role: "owner" }]);
  actor = owner.actor;
  token = await personalToken(owner.user.id);
});

describe("the console's secret form parser", () => {
  it("keeps `__proto__`, `constructor` and `hasOwnProperty` as keys with their values, on create and rotate", async () => {
    const entries = await entriesFromForm(textForm(KEYS.map((key) => [key, `${key}-v1`])));
    expect([...entries.keys()]).toEqual(KEYS);
    await createSecret(actor, "default", { name: "form-proto" }, entries);
    expect(await revealed("form-proto")).toEqual(new Map(KEYS.map((key) => [key, `${key}-v1`])));

    const rotated = await rotateSecret(
      actor,
      "default",
      "form-proto",
      {},
      await entriesFromForm(textForm(KEYS.map((key) => [key, `${key}-v2`]))),
    );
    expect(rotated.keys.map((k) => k.name).sort()).toEqual([...KEYS].sort());
    expect(await revealed("form-proto")).toEqual(new Map(KEYS.map((key) => [key, `${key}-v2`])));
  });

  it("passes a `__proto__` label to lib, which refuses it on the labels field, and keeps a `constructor` label", async () => {
    expect(Object.keys(labelsFromForm(textForm([], [["__proto__", "x"]])))).toEqual(["__proto__"]);
    const before = await db.secret.count();
    const error = await createSecret(
      actor,
      "default",
      { name: "form-label", labels: labelsFromForm(textForm([], [["__proto__", "x"]])) },
      new Map([["a", Buffer.from("b")]]),
    ).catch((e: unknown) => e);
    expect(failure(error, CREATE_SECRET_FIELDS).fieldErrors?.labels).toContain("label key '__proto__'");
    expect(await db.secret.count()).toBe(before);

    // Not "appears twice": `constructor` is not already in a fresh object.
    const labels = labelsFromForm(textForm([], [["constructor", "yes"]]));
    const created = await createSecret(actor, "default", { name: "form-label", labels }, new Map([["a", Buffer.from("b")]]));
    expect(created.labels).toEqual({ constructor: "yes" });
  });
});
