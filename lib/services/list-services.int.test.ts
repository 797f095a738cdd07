import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "../auth/actor";
import { db } from "../db/client";
import { newId } from "../db/ids";
import { createUser } from "../../tests/support/factories";
import { listServicesPage } from "./list-services";

let owner: UserActor;
const names = Array.from({ length: 25 }, (_, i) => `svc_${String(i).padStart(2, "0")}`);

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  // Inserted out of order: the page order is the name's, not the insert's.
  for (const name of [...names].reverse()) await db.service.create({ data: { id: newId("svc"), namespaceId: "ns_default", name } });
});

describe("paging services", () => {
  it("counts, pages forward to the end and back to the start", async () => {
    const first = await listServicesPage(owner, "default", { limit: 10, count: true });
    expect(first).toMatchObject({ total: 25, offset: 0, prevCursor: null });
    expect(first.services.map((s) => s.name)).toEqual(names.slice(0, 10));
    const second = await listServicesPage(owner, "default", { limit: 10, cursor: first.nextCursor!, count: true });
    const third = await listServicesPage(owner, "default", { limit: 10, cursor: second.nextCursor!, count: true });
    expect(third).toMatchObject({ offset: 20, nextCursor: null });
    expect(third.services.map((s) => s.name)).toEqual(names.slice(20));
    const back = await listServicesPage(owner, "default", { limit: 10, before: third.prevCursor!, count: true });
    expect(back.services.map((s) => s.name)).toEqual(names.slice(10, 20));
    expect(back.offset).toBe(10);
    const start = await listServicesPage(owner, "default", { limit: 10, before: back.prevCursor!, count: true });
    expect(start.services.map((s) => s.name)).toEqual(names.slice(0, 10));
    expect(start.prevCursor).toBeNull();
  });

  it("refuses a secret list's cursor as invalid", async () => {
    const cursor = Buffer.from(JSON.stringify({ s: "secret:name:asc", k: ["svc_03"] })).toString("base64url");
    await expect(listServicesPage(owner, "default", { cursor })).rejects.toMatchObject({ status: 400, message: "cursor is invalid" });
  });
});
