// The list routes page (issue 17): ?limit=&cursor=, nextCursor in the answer.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as secretsRoute from "@/app/api/v1/namespaces/[ns]/secrets/route";
import * as versionsRoute from "@/app/api/v1/namespaces/[ns]/secrets/[name]/versions/route";
import * as servicesRoute from "@/app/api/v1/namespaces/[ns]/services/route";
import * as usersRoute from "@/app/api/v1/users/route";

// Routes with different params, walked by one helper.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
const ns = { ns: "default" };
let owner: string;

/** Every item of a paged route, following nextCursor, and the number of requests it took. */
async function walk(handler: Handler, key: string, params: object, query: string) {
  const items: { name?: string; email?: string; version?: number }[] = [];
  let cursor: string | null = null;
  let requests = 0;
  do {
    const at: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const answer = await call(handler, { token: owner, params, query: `${query}${at}` });
    expect(answer.status, answer.text).toBe(200);
    items.push(...answer.body[key]);
    cursor = answer.body.nextCursor;
    requests++;
  } while (cursor);
  return { items, requests };
}

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  for (let i = 0; i < 30; i++) {
    const created = await call(secretsRoute.POST, {
      token: owner,
      params: ns,
      body: { name: `web_${String(i).padStart(2, "0")}`, labels: { quote: i % 3 ? `say "hi"` : "it's" }, stringData: { value: "x" } },
    });
    expect(created.status).toBe(201);
  }
  for (let i = 0; i < 12; i++) {
    await db.service.create({ data: { id: newId("svc"), namespaceId: "ns_default", name: `svc-${String(i).padStart(2, "0")}` } });
    await createUser(`member${String(i).padStart(2, "0")}@example.com`, [{ role: "viewer" }]);
  }
});

describe("paged list routes", () => {
  it("pages the secrets with nextCursor, null on the last page, and keeps the filters", async () => {
    const first = await call(secretsRoute.GET, { token: owner, params: ns, query: "?limit=7" });
    expect(first.status).toBe(200);
    expect(first.body.secrets).toHaveLength(7);
    expect(typeof first.body.nextCursor).toBe("string");
    const all = await walk(secretsRoute.GET, "secrets", ns, "?limit=7");
    expect(all.items.map((s) => s.name)).toEqual(Array.from({ length: 30 }, (_, i) => `web_${String(i).padStart(2, "0")}`));
    expect(all.requests).toBe(5);
    const quoted = await walk(secretsRoute.GET, "secrets", ns, `?limit=4&filter=${encodeURIComponent('label=quote=say "hi"')}`);
    expect(quoted.items).toHaveLength(20);
    const whole = await call(secretsRoute.GET, { token: owner, params: ns });
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.secrets).toHaveLength(30);
  });

  it("answers 400 naming the parameter for a bad limit, and 'cursor is invalid' for a forged cursor", async () => {
    for (const limit of ["0", "1001", "abc"]) {
      const answer = await call(secretsRoute.GET, { token: owner, params: ns, query: `?limit=${limit}` });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe("limit must be a whole number from 1 to 1000");
    }
    const routes: [Handler, object][] = [
      [secretsRoute.GET, ns],
      [servicesRoute.GET, ns],
      [usersRoute.GET, {}],
      [versionsRoute.GET, { ...ns, name: "web_00" }],
    ];
    for (const [handler, params] of routes) {
      for (const cursor of ["garbage!", "eyJzIjoieCJ9", Buffer.from('{"s":"secret:name:asc","k":[]}').toString("base64url")]) {
        const answer = await call(handler, { token: owner, params, query: `?cursor=${cursor}` });
        expect(answer.status, answer.text).toBe(400);
        expect(answer.body.error.message).toBe("cursor is invalid");
      }
    }
  });

  it("pages services, members and versions the same way", async () => {
    const services = await walk(servicesRoute.GET, "services", ns, "?limit=5");
    expect(services.items.map((s) => s.name)).toEqual(Array.from({ length: 12 }, (_, i) => `svc-${String(i).padStart(2, "0")}`));
    expect(services.requests).toBe(3);
    const members = await walk(usersRoute.GET, "users", {}, "?limit=5");
    expect(members.items).toHaveLength(13);
    expect(new Set(members.items.map((m) => m.email)).size).toBe(13);
    expect(members.items.map((m) => m.email)).toEqual([...members.items.map((m) => m.email)].sort());
    for (let v = 0; v < 4; v++) {
      const rotated = await call(versionsRoute.POST, {
        token: owner,
        params: { ...ns, name: "web_00" },
        body: { stringData: { value: `v${v}` } },
      });
      expect(rotated.status).toBe(201);
    }
    const versions = await walk(versionsRoute.GET, "versions", { ...ns, name: "web_00" }, "?limit=2");
    expect(versions.items.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(versions.requests).toBe(3);
  });
});
