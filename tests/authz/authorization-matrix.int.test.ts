// The authorization matrix as evidence, not a mirror. Every API route × every built-in role × three scopes (granted
// globally, in `default`, only in `other`) against the statuses written by
// hand in expected-*.ts from the spec; the escalation paths as rows; the
// runtime API for service tokens by their creator. Every 403 must leave
// exactly one denied audit event by its caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createIntegration } from "@/lib/integrations/create-integration";
import { call } from "@/tests/support/api";
import { createServiceTokenRow } from "@/tests/support/factories";
import { attempt, callerOf, redact, createCallers, deniedCount, tally, type Caller } from "./drive";
import { ESCALATIONS } from "./escalation-table";
import { boundService, member, NS, OTHER, system, unique } from "./fixtures";
import { INSTANCE } from "./expected-instance";
import { NAMESPACED, RUNTIME_BY_CREATOR } from "./expected-namespaced";
import { VAULT, VAULT_TOKEN_ROWS } from "./expected-vault";
import { ROLES, SCOPES, statusesOf, type RoleName, type Row, type Scope } from "./expected-rows";
import { RUNTIME_MATRIX } from "./runtime-rows";
import { loadHandler, routeKey, routeOf, ROUTES, RUNTIME_FILE, type RouteEntry } from "./route-table";
import { VAULT_ROUTES } from "./route-table-vault";

const EXPECTED = { ...NAMESPACED, ...INSTANCE, ...VAULT };
let callers: Caller[] = [];

beforeAll(async () => {
  callers = await createCallers();
}, 120_000);

afterAll(() => {
  // The size of the matrix, for the record of a run.
  const routes = ROUTES.filter((r) => r.auth === "personal").length + 1; // + the runtime API by token creator
  console.info(
    `authorization matrix: ${routes} routes × ${ROLES.length} roles × ${SCOPES.length} scopes = ${routes * ROLES.length * SCOPES.length} cells, ` +
      `+ ${ESCALATIONS.length + RUNTIME_MATRIX.length} escalation rows; ${tally.calls} calls (${tally.allowed} allowed, ${tally.denials} denials, each checked for its audit event)`,
  );
});

describe("the authorization matrix", () => {
  it("has every role it names seeded as a built-in role", async () => {
    const seeded = await db.role.findMany({ where: { builtIn: true }, select: { name: true } });
    expect(seeded.map((r) => r.name).sort()).toEqual([...ROLES].sort());
  });

  const personal = ROUTES.filter((r) => r.auth === "personal");
  it.each(personal.map((entry) => [routeKey(entry), entry] as const))("%s", async (key, entry) => {
    const row: Row | undefined = EXPECTED[key];
    expect(row, `${key} has no row in tests/authz/expected-*.ts`).toBeDefined();
    await loadHandler(entry);
    for (const caller of callers) {
      const prepared = entry.prepare ? await entry.prepare() : {};
      await attempt(caller, entry, prepared, statusesOf(row!, caller.role)[caller.scope]);
    }
  });

  it("GET /api/v1/runtime/secrets with a token the caller created reads only while they hold secret:bind", async () => {
    const runtime = await loadHandler({ file: RUNTIME_FILE, method: "GET" });
    for (const caller of callers) {
      const { id, value } = await boundService();
      const token = await createServiceTokenRow(id, caller.userId);
      const expected = statusesOf(RUNTIME_BY_CREATOR, caller.role)[caller.scope];
      const before = await deniedCount(null);
      const response = await call(runtime, { token });
      tally.calls += 1;
      const label = `runtime read with a token created by ${caller.label}: expected ${expected}, got ${response.status} ${redact(response.text).slice(0, 120)}`;
      expect.soft(response.status, label).toBe(expected);
      if (expected === 403) {
        tally.denials += 1;
        expect.soft((await deniedCount(null)) - before, `denied events for ${label}`).toBe(1);
      } else {
        tally.allowed += 1;
        expect.soft(response.text, label).toContain(Buffer.from(value).toString("base64"));
      }
    }
  });

  it.each(RUNTIME_MATRIX.map((row) => [row.name, row] as const))("runtime: %s", async (_name, row) => {
    const runtime = await loadHandler({ file: RUNTIME_FILE, method: "GET" });
    const { token, value } = await row.arrange(callers);
    const before = await deniedCount(null);
    const response = await call(runtime, { token });
    tally.calls += 1;
    expect.soft(response.status, `${row.name}: ${redact(response.text).slice(0, 160)}`).toBe(row.expect);
    if (row.expect === 403) {
      tally.denials += 1;
      expect.soft((await deniedCount(null)) - before, `denied events for ${row.name}`).toBe(1);
      expect.soft(response.text).not.toContain(Buffer.from(value).toString("base64"));
    } else {
      tally.allowed += 1;
      expect.soft(response.text).toContain(Buffer.from(value).toString("base64"));
    }
  });
});

describe("the escalation paths", () => {
  it.each(ESCALATIONS.map((row) => [`${row.as} ${row.does} → ${row.expect}`, row] as const))("%s", async (_name, row) => {
    const [role, scope] = row.as.split(" ") as [RoleName, Scope];
    const caller = callerOf(callers, role, scope);
    const entry = routeOf(row.route);
    await attempt(caller, entry, await row.prepare(caller.userId), row.expect, `${row.does} (${row.route})`);
  });
});

describe("public routes and credentials", () => {
  it("answers public routes without a token, and never with 401, 403 or 5xx", async () => {
    for (const entry of ROUTES.filter((r) => r.auth === "public")) {
      const handler = await loadHandler(entry);
      const response = await call(handler, { method: entry.method, body: entry.method === "GET" ? undefined : {} });
      expect.soft([401, 403], `${routeKey(entry)}: ${response.status}`).not.toContain(response.status);
      expect.soft(response.status, `${routeKey(entry)}`).toBeLessThan(500);
    }
  });

  it("checks a reset link without a token or using it up: 200 while usable, 404 otherwise", async () => {
    const check = await loadHandler(routeOf("POST /api/v1/password-reset/check"));
    const owner = callerOf(callers, "owner", "global");
    const target = await member();
    const issued = await call(await loadHandler(routeOf("POST /api/v1/users/{id}/password-reset")), {
      token: owner.token,
      method: "POST",
      params: { id: target },
    });
    const token = /cfr_[\w-]+/.exec(issued.text)?.[0];
    expect(token, `reset link issued: ${issued.status}`).toBeDefined();
    const events = await db.auditEvent.count();
    for (let i = 0; i < 2; i++) {
      const usable = await call(check, { method: "POST", body: { token } });
      expect(usable.status, usable.text).toBe(200);
      expect(usable.body).toMatchObject({ email: expect.stringContaining("@example.com"), expiresAt: expect.any(String) });
    }
    expect(await db.auditEvent.count(), "the check writes nothing").toBe(events);
    expect((await call(check, { method: "POST", body: { token: "cfr_not-a-real-link" } })).status).toBe(404);
  });

  it("refuses personal tokens on the runtime API, which only service tokens may use", async () => {
    const runtime = await loadHandler({ file: RUNTIME_FILE, method: "GET" });
    for (const caller of callers) expect.soft((await call(runtime, { token: caller.token })).status, caller.label).toBe(401);
  });
});

describe("the Vault API (/v1) for tokens that are not a member's", () => {
  it.each(VAULT_TOKEN_ROWS.map((row) => [row.name, row] as const))("%s", async (name, row) => {
    const arranged = await row.arrange(callers);
    const handler = await loadHandler({ file: arranged.file, method: arranged.method as RouteEntry["method"] });
    const before = await deniedCount(null);
    const response = await call(handler, { token: arranged.token, method: arranged.method, ...arranged.call });
    tally.calls += 1;
    const label = `${name}: expected ${row.expect}, got ${response.status} ${redact(response.text).slice(0, 160)}`;
    expect.soft(response.status, label).toBe(row.expect);
    expect.soft(response.headers.get("cache-control"), label).toBe("no-store");
    if (row.denials !== undefined) expect.soft((await deniedCount(null)) - before, `denied events for ${name}`).toBe(row.denials);
    if (row.expect === 403) {
      tally.denials += 1;
      expect.soft(response.body?.errors?.[0], label).toMatch(/^permission denied/);
      if (arranged.value) expect.soft(response.text, label).not.toContain(arranged.value);
    } else {
      tally.allowed += 1;
      const expected = row.answers?.(arranged) ?? {};
      expect.soft(response.body?.data, label).toMatchObject(expected);
      if (row.exact) expect.soft(Object.keys(response.body?.data ?? {}).sort(), label).toEqual(Object.keys(expected).sort());
    }
  });

  const guarded = VAULT_ROUTES.filter((entry) => entry.auth === "personal");

  // Vault answers a missing or bad token with 403, and its clients expect that: not Coffer's 401.
  it("answers every /v1 route but sys/health without a token with Vault's 403 permission denied", async () => {
    for (const entry of guarded) {
      const prepared = entry.prepare ? await entry.prepare() : {};
      const response = await call(await loadHandler(entry), { method: entry.method, ...prepared });
      tally.calls += 1;
      tally.denials += 1;
      const label = `${routeKey(entry)} without a token: ${response.status} ${response.text.slice(0, 160)}`;
      expect.soft(response.status, label).toBe(403);
      expect.soft(response.body, label).toEqual({ errors: [expect.stringMatching(/^permission denied/)] });
    }
  });

  it("refuses an integration token (cfi_) on every /v1 route with 403", async () => {
    const swarm = await createIntegration(system, NS, { kind: "docker-swarm", name: unique("vault-swarm") });
    for (const entry of guarded) {
      const prepared = entry.prepare ? await entry.prepare() : {};
      const response = await call(await loadHandler(entry), { token: swarm.token, method: entry.method, ...prepared });
      tally.calls += 1;
      tally.denials += 1;
      const label = `${routeKey(entry)} with a cfi_ token: ${response.status} ${response.text.slice(0, 160)}`;
      expect.soft(response.status, label).toBe(403);
      expect.soft(response.body?.errors?.[0], label).toMatch(/^permission denied: an integration token/);
    }
  });

  it("lists as mounts exactly the namespaces where each caller holds secret:list", async () => {
    const mounts = await loadHandler({ file: "app/v1/sys/mounts/route.ts", method: "GET" });
    for (const caller of callers) {
      const response = await call(mounts, { token: caller.token });
      tally.calls += 1;
      const listed = Object.keys(response.body?.data ?? {});
      expect.soft(response.status, caller.label).toBe(200);
      if (caller.scope === "global") expect.soft(listed, caller.label).toEqual(expect.arrayContaining(["secret/", `${OTHER}/`]));
      else expect.soft(listed, caller.label).toEqual([caller.scope === "default" ? "secret/" : `${OTHER}/`]);
    }
  });
});
