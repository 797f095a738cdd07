// Drives one call as one caller and checks it against the hand-written
// expectation: the exact status; for a 403, exactly one new `denied` audit
// event by that caller; for anything else, none.
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser, ensureNamespace } from "@/tests/support/factories";
import { ROLES, SCOPES, type RoleName, type Scope } from "./expected-rows";
import { NS, OTHER } from "./fixtures";
import { loadHandler, type Call, type RouteEntry } from "./route-table";

/** Failure messages quote answers; tokens in them are test data, but keep the habit. */
export const redact = (text: string) => text.replace(/\bcf[psir]_[\w-]+/g, "cf…_[token]");

export type Caller = { role: RoleName; scope: Scope; userId: string; token: string; label: string };

export const tally = { calls: 0, denials: 0, allowed: 0 };

/** One member per built-in role and scope: granted globally, in `default`, and only in `other`. */
export async function createCallers(): Promise<Caller[]> {
  await ensureNamespace(OTHER);
  const callers: Caller[] = [];
  for (const role of ROLES) {
    const exists = await db.role.findUnique({ where: { id: `role_${role}` }, select: { id: true } });
    for (const scope of SCOPES) {
      const namespace = scope === "global" ? undefined : scope === "default" ? NS : OTHER;
      // A role the product does not have yet leaves its callers without a grant: their rows then
      // fail wherever the spec allows them something, and the "seeded roles" test names the cause.
      const { user } = await createUser(`${role}.${scope}@matrix.example`, exists ? [{ role, namespace }] : []);
      callers.push({ role, scope, userId: user.id, token: await personalToken(user.id), label: `${role} (${scope})` });
    }
  }
  return callers;
}

export function callerOf(callers: Caller[], role: RoleName, scope: Scope): Caller {
  const found = callers.find((c) => c.role === role && c.scope === scope);
  if (!found) throw new Error(`no caller ${role} (${scope})`);
  return found;
}

export async function deniedCount(userId: string | null): Promise<number> {
  return db.auditEvent.count({ where: { outcome: "denied", ...(userId ? { actorId: userId } : {}) } });
}

/**
 * Soft expectations, so one route reports every role and scope that
 * disagrees, not only the first.
 */
export async function attempt(caller: Caller, entry: RouteEntry, prepared: Call, expected: number, what = `${entry.method} ${entry.path}`) {
  const handler = await loadHandler(entry);
  const token = entry.spendsToken ? await personalToken(caller.userId) : caller.token;
  const before = await deniedCount(caller.userId);
  const response = await call(handler, {
    token,
    method: entry.method,
    params: prepared.params,
    body: prepared.body,
    query: prepared.query,
  });
  const label = `${caller.label} → ${what}: expected ${expected}, got ${response.status} ${redact(response.text).slice(0, 160)}`;
  tally.calls += 1;
  expect.soft(response.status, label).toBe(expected);
  const after = await deniedCount(caller.userId);
  if (expected === 403) {
    tally.denials += 1;
    expect.soft(after - before, `denied audit events by ${caller.label} for ${what}`).toBe(1);
  } else {
    tally.allowed += 1;
    expect.soft(after - before, `an allowed call left a denial: ${label}`).toBe(0);
    if (response.status === expected && expected === entry.ok && entry.after) await entry.after(response, { ...prepared, token });
  }
  return response;
}
