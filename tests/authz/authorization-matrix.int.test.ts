// Every built-in role, granted for all namespaces and granted for another
// namespace only, against every API route in the table: the exact status,
// and an audit event for every refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { BUILT_IN_ROLES } from "@/lib/rbac/permissions";
import { call, personalToken } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";
import { ROUTES, type RouteEntry } from "./route-table";

type Caller = { role: string; scope: "global" | "other-namespace"; userId: string; token: string; permissions: string[] };

const callers: Caller[] = [];
const tally = { calls: 0, denials: 0 };

beforeAll(async () => {
  await ensureNamespace("other");
  for (const role of BUILT_IN_ROLES) {
    for (const scope of ["global", "other-namespace"] as const) {
      const { user } = await createUser(`${role.name}.${scope}@example.com`, [{ role: role.name, namespace: scope === "global" ? undefined : "other" }]);
      callers.push({ role: role.name, scope, userId: user.id, token: await personalToken(user.id), permissions: role.permissions });
    }
  }
}, 120_000);

afterAll(() => {
  // The closing note of issue 6 quotes these numbers.
  console.info(`authorization matrix: ${ROUTES.length} routes × ${BUILT_IN_ROLES.length} roles × 2 scopes; ${tally.calls} calls, ${tally.denials} denials checked`);
});

function allowed(entry: RouteEntry, caller: Caller): boolean {
  if (entry.permission === "authenticated") return true;
  // A grant in another namespace never reaches `default` or instance-wide actions.
  return caller.scope === "global" && caller.permissions.includes(entry.permission);
}

const driven = ROUTES.filter((r) => !["public", "service"].includes(r.permission));

describe("the authorization matrix", () => {
  it.each(driven.map((entry) => [`${entry.method} ${entry.path}`, entry] as const))("%s", async (_name, entry) => {
    const handler = (await entry.load())[entry.method as keyof object] as Parameters<typeof call>[0];
    expect(handler, `${entry.method} is not exported`).toBeTypeOf("function");
    for (const caller of callers) {
      const prepared = entry.prepare ? await entry.prepare() : {};
      const deniedBefore = await db.auditEvent.count({ where: { actorId: caller.userId, outcome: "denied" } });
      const response = await call(handler, { token: caller.token, method: entry.method, params: prepared.params, body: prepared.body, query: prepared.query });
      const label = `${caller.role} (${caller.scope}) → ${entry.method} ${entry.path}: ${response.text.slice(0, 200)}`;
      tally.calls += 1;
      if (allowed(entry, caller)) {
        expect(response.status, label).toBe(entry.ok);
      } else {
        tally.denials += 1;
        expect(response.status, label).toBe(403);
        const deniedAfter = await db.auditEvent.count({ where: { actorId: caller.userId, outcome: "denied" } });
        expect(deniedAfter, `no denial audit event for ${label}`).toBe(deniedBefore + 1);
      }
    }
  });

  it("answers public routes without a token, and never with 401 or 403", async () => {
    for (const entry of ROUTES.filter((r) => r.permission === "public")) {
      const handler = (await entry.load())[entry.method as keyof object] as Parameters<typeof call>[0];
      const response = await call(handler, { method: entry.method, body: entry.method === "GET" ? undefined : {} });
      expect([401, 403], `${entry.method} ${entry.path}`).not.toContain(response.status);
      expect(response.status, `${entry.method} ${entry.path}`).toBeLessThan(500);
    }
  });

  it("refuses personal tokens on the runtime API, which only service tokens may use", async () => {
    const entry = ROUTES.find((r) => r.permission === "service")!;
    const handler = (await entry.load())[entry.method as keyof object] as Parameters<typeof call>[0];
    for (const caller of callers) expect((await call(handler, { token: caller.token })).status).toBe(401);
  });
});
