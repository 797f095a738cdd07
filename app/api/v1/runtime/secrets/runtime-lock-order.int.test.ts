// Regression: a rotation and a service's first read of the same
// secret deadlocked (40P01, answered 500 and 503). The rotation holds the
// secret row and waits for the audit chain's lock; the read held that lock
// and then waited for the row (the foreign-key check of its SecretAccess
// insert). The audit lock is gone (audit appends take no lock now) and a
// read takes no lock but its first reads' foreign-key share locks, so the
// two only queue behind each other.
import { beforeAll, describe, expect, it } from "vitest";
import { db, databaseKind } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as secretVersionsRoute from "../../namespaces/[ns]/secrets/[name]/versions/route";
import * as secretsRoute from "../../namespaces/[ns]/secrets/route";
import * as bindingsRoute from "../../namespaces/[ns]/services/[name]/bindings/route";
import * as tokensRoute from "../../namespaces/[ns]/services/[name]/tokens/route";
import * as servicesRoute from "../../namespaces/[ns]/services/route";
import * as runtimeRoute from "./route";

const SECRETS = ["alpha", "bravo", "charlie", "delta"];
const SERVICES = ["svc-1", "svc-2", "svc-3", "svc-4", "svc-5", "svc-6"];
// PGlite is one connection: nothing can deadlock there, the run only checks
// that the reordered writes still deliver and record everything.
const ROUNDS = databaseKind() === "pglite" ? 2 : 12;
const ns = { ns: "default" };

let owner: string;
const agentTokens = new Map<string, string>();

async function created(response: Promise<{ status: number; text: string }>) {
  const { status, text } = await response;
  expect(status, text).toBe(201);
}

async function runtimeRead(token: string) {
  const response = await runtimeRoute.GET(
    new Request("http://coffer.test/api/v1/runtime/secrets", { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  owner = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
  for (const name of SECRETS)
    await created(call(secretsRoute.POST, { token: owner, params: ns, body: { name, stringData: { value: `${name}-0` } } }));
  for (const service of SERVICES) {
    await created(call(servicesRoute.POST, { token: owner, params: ns, body: { name: service } }));
    const params = { ns: "default", name: service };
    for (const secret of SECRETS) await created(call(bindingsRoute.POST, { token: owner, params, body: { secret } }));
    const token = await call(tokensRoute.POST, { token: owner, params, body: {} });
    expect(token.status).toBe(201);
    agentTokens.set(service, token.body.token);
  }
});

describe("runtime reads racing rotations", () => {
  it("never deadlocks: every first read and every rotation succeeds", async () => {
    const failures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Forget every read, so each service's next fetch is a first read
      // again (an INSERT with its foreign-key check, not an UPDATE).
      await db.secretAccess.deleteMany({});
      const reads = SERVICES.map(async (service) => {
        const { status, text } = await runtimeRead(agentTokens.get(service)!);
        if (status !== 200) failures.push(`round ${round} read by ${service}: ${status} ${text}`);
      });
      const rotations = SECRETS.map(async (name) => {
        const response = await call(secretVersionsRoute.POST, {
          token: owner,
          params: { ns: "default", name },
          body: { stringData: { value: `${name}-${round}` } },
        });
        if (response.status !== 201) failures.push(`round ${round} rotation of ${name}: ${response.status} ${response.text}`);
      });
      await Promise.all([...reads, ...rotations]);
    }
    expect(failures).toEqual([]);

    // Each read recorded every secret it delivered, once per binding.
    const reads = await db.auditEvent.count({ where: { action: "secret.read", outcome: "success" } });
    expect(reads).toBe(ROUNDS * SERVICES.length * SECRETS.length);
    expect(await db.secretAccess.count()).toBe(SERVICES.length * SECRETS.length);
    expect(await db.secret.findMany({ select: { currentVersion: true } })).toEqual(SECRETS.map(() => ({ currentVersion: ROUNDS + 1 })));
  }, 120_000);
});
