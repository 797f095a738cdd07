// `POST /api/v1/namespaces/{ns}/manifests`, kubectl apply for Secrets:
// created, rotated only when the data differs, relabelled when the labels
// differ, unchanged otherwise; immutable data and type changes are 409s;
// a manifest is applied all or nothing, and every apply is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/support/factories";
import { personalToken } from "@/tests/support/api";
import { applyText, fixture, valuesOf } from "./manifest-requests";

let owner: string;
let viewer: string;

const secret = (name: string, body: string, metadata = "") =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${metadata}${body}`;
const items = (result: { body: { items: unknown[] } }) => result.body.items;

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  viewer = await personalToken((await createUser("viewer@example.com", [{ role: "viewer" }])).user.id);
});

describe("apply", () => {
  it("creates, leaves an identical secret unchanged, rotates changed data and relabels changed labels", async () => {
    const first = await applyText(owner, secret("app-pw", "stringData:\n  password: one\n"));
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(items(first)).toEqual([{ name: "app-pw", action: "created", version: 1 }]);

    // The same data as base64 instead of text is the same data.
    const same = await applyText(owner, secret("app-pw", "data:\n  password: b25l\n"));
    expect(items(same)).toEqual([{ name: "app-pw", action: "unchanged", version: 1 }]);

    const rotated = await applyText(owner, secret("app-pw", "stringData:\n  password: two\n"));
    expect(items(rotated)).toEqual([{ name: "app-pw", action: "rotated", version: 2 }]);
    expect(await valuesOf(owner, "app-pw")).toEqual({ password: "two" });

    const labelled = await applyText(owner, secret("app-pw", "stringData:\n  password: two\n", "  labels:\n    team: web\n"));
    expect(items(labelled)).toEqual([{ name: "app-pw", action: "labels-updated", version: 2 }]);
    const row = await db.secret.findFirstOrThrow({ where: { name: "app-pw" } });
    expect(row.labels).toEqual({ team: "web" });

    // No metadata.labels: the labels stay as they are.
    const kept = await applyText(owner, secret("app-pw", "stringData:\n  password: two\n"));
    expect(items(kept)).toEqual([{ name: "app-pw", action: "unchanged", version: 2 }]);
    expect((await db.secret.findFirstOrThrow({ where: { name: "app-pw" } })).labels).toEqual({ team: "web" });
  });

  it("records the usual events, and one secret.apply event naming what was done to each", async () => {
    const events = await db.auditEvent.findMany({
      where: { OR: [{ resourceName: "app-pw" }, { action: "secret.apply" }], action: { not: "secret.reveal" } },
      orderBy: { seq: "asc" },
      select: { action: true, details: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "secret.create",
      "secret.apply",
      "secret.apply",
      "secret.rotate",
      "secret.apply",
      "secret.label",
      "secret.apply",
      "secret.apply",
    ]);
    expect(events[2]!.details).toEqual({ created: [], rotated: [], labelsUpdated: [], unchanged: ["app-pw"] });
    expect(JSON.stringify(events)).not.toMatch(/"(one|two)"|b25l/);
  });

  it("applies kubectl's own List and YAML stream", async () => {
    const list = await applyText(owner, fixture("list.json"), "application/json");
    expect(list.status, list.text).toBe(200);
    expect(items(list)).toEqual([
      { name: "db-pw", action: "created", version: 1 },
      { name: "web-tls", action: "created", version: 1 },
      { name: "regcred", action: "created", version: 1 },
    ]);
    const again = await applyText(owner, fixture("list.json"), "application/json");
    expect(items(again).map((item) => (item as { action: string }).action)).toEqual(["unchanged", "unchanged", "unchanged"]);

    const stream = await applyText(owner, fixture("multi-doc.yaml"));
    expect(stream.status, stream.text).toBe(200);
    expect(items(stream)).toEqual([
      // The stream's db-pw is the List's without labels: the labels stay, nothing changes.
      { name: "db-pw", action: "unchanged", version: 1 },
      { name: "basic", action: "created", version: 1 },
      { name: "ssh-key", action: "created", version: 1 },
      { name: "labeled", action: "created", version: 1 },
    ]);
    expect(stream.body.warnings).toEqual(["secret/labeled: annotations are not kept by Coffer; ignored: owner"]);
  });
});

describe("apply refuses what Kubernetes refuses, and changes nothing then", () => {
  it("a changed immutable secret is a 409 naming it", async () => {
    await applyText(owner, secret("frozen", "immutable: true\nstringData:\n  a: one\n"));
    const refused = await applyText(owner, secret("frozen", "immutable: true\nstringData:\n  a: two\n"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("secret 'frozen' is immutable and the manifest changes its data");
    expect(refused.text).not.toContain("two");
    // Labels of an immutable secret may still change, as in Kubernetes.
    const labelled = await applyText(owner, secret("frozen", "immutable: true\nstringData:\n  a: one\n", "  labels:\n    a: b\n"));
    expect(items(labelled)).toEqual([{ name: "frozen", action: "labels-updated", version: 1 }]);
  });

  it("a type change is a 409", async () => {
    const refused = await applyText(owner, secret("app-pw", "type: kubernetes.io/basic-auth\nstringData:\n  password: two\n"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("secret 'app-pw' is of type Opaque and the manifest says kubernetes.io/basic-auth");
  });

  it("a refused item rolls back the items before it", async () => {
    const stream = `${secret("rolled-back", "stringData:\n  a: new\n")}---\n${secret("frozen", "stringData:\n  a: changed\n")}`;
    const refused = await applyText(owner, stream);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^documents\[1\]: secret 'frozen'/);
    expect(await db.secret.count({ where: { name: "rolled-back" } })).toBe(0);
  });

  it("a bad manifest is a 400 naming the item", async () => {
    const list = JSON.parse(fixture("list.json"));
    list.items[1].data["tls.crt"] = "%%%";
    const refused = await applyText(owner, JSON.stringify(list), "application/json");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("items[1].data.tls.crt is not base64");
  });

  it("a viewer may not apply, not even to learn that nothing would change (403, audited)", async () => {
    const refused = await applyText(viewer, secret("app-pw", "stringData:\n  password: two\n"));
    expect(refused.status).toBe(403);
    const denied = await db.auditEvent.findFirst({ where: { action: "secret.apply", outcome: "denied" } });
    expect(denied).not.toBeNull();
  });
});
