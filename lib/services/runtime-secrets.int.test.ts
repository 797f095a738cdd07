// The runtime fetch under load: a busy service reads the same
// secrets from many connections at once. Each read used to upsert its
// SecretAccess rows in its own transaction and so queued on those rows'
// locks until every COMMIT before it. Reads now lock no existing row; the
// audit events stay exact and the counts catch up at the next flush.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ServiceActor } from "../auth/actor";
import { databaseKind, db } from "../db/client";
import { NotFound, Unavailable } from "../errors";
import { flushSecretAccessCounts } from "../secrets/access-counts";
import { createSecret } from "../secrets/create-secret";
import { rotateSecret } from "../secrets/rotate-secret";
import { UndecryptableSecret } from "../secrets/read-version";
import { assertNoLeak, CANARY } from "../../tests/support/leak-canary";
import { createUser, testContext } from "../../tests/support/factories";
import { addBinding } from "./bindings";
import { createService } from "./manage-services";
import { resolveServiceToken } from "./resolve-service-token";
import { fetchRuntimeSecrets } from "./runtime-secrets";
import { createServiceToken } from "./service-tokens";

const SECRETS = ["alpha", "bravo", "charlie", "delta"];
// PGlite is one connection: reads there run one after another.
const CONNECTIONS = databaseKind() === "pglite" ? 4 : 20;

let owner: Awaited<ReturnType<typeof createUser>>["actor"];
let web: ServiceActor;
let api: ServiceActor;

async function serviceActor(name: string): Promise<ServiceActor> {
  await createService(owner, "default", { name });
  for (const secret of SECRETS) await addBinding(owner, "default", name, { secret });
  const { token } = await createServiceToken(owner, "default", name, {});
  return resolveServiceToken(token, testContext);
}

const readCounts = async (reader: ServiceActor) =>
  (await db.secretAccess.findMany({ where: { readerId: reader.id }, orderBy: { secretId: "asc" } })).map((a) => a.count);
const successfulReads = (reader: ServiceActor) =>
  db.auditEvent.count({ where: { action: "secret.read", outcome: "success", actorId: reader.id } });

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  for (const name of SECRETS) await createSecret(owner, "default", { name, stringData: { value: `${CANARY}-${name}` } });
  web = await serviceActor("web");
  api = await serviceActor("api");
});

beforeEach(async () => {
  await flushSecretAccessCounts();
});

describe("the runtime fetch", () => {
  it("serves many connections of one service at once: every read audited, the reader known at once, counts after a flush", async () => {
    const answers = await Promise.all(Array.from({ length: CONNECTIONS }, () => fetchRuntimeSecrets(web, null)));
    for (const answer of answers) expect("secrets" in answer && answer.secrets.map((s) => s.secret).sort()).toEqual(SECRETS);

    expect(await successfulReads(web)).toBe(CONNECTIONS * SECRETS.length);
    // One row per secret from the first read on: reverse lookup names the
    // service before any flush. Its count waits for the flush.
    expect(await readCounts(web)).toEqual(SECRETS.map(() => 1));

    await flushSecretAccessCounts();
    expect(await readCounts(web)).toEqual(SECRETS.map(() => CONNECTIONS));
    const rows = await db.secretAccess.findMany({ where: { readerId: web.id } });
    for (const row of rows) expect(row.lastReadAt.getTime()).toBeGreaterThanOrEqual(row.firstReadAt.getTime());
    // Nothing counted twice: a second flush has nothing left to add.
    expect(await flushSecretAccessCounts()).toBe(0);
    expect(await readCounts(web)).toEqual(SECRETS.map(() => CONNECTIONS));
  });

  it("fails closed: a read whose events cannot be written delivers nothing and counts nothing", async () => {
    await fetchRuntimeSecrets(api, null);
    await flushSecretAccessCounts();
    const counted = await readCounts(api);
    await db.$executeRawUnsafe(
      `CREATE FUNCTION coffer_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END; $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION coffer_test_refuse()`,
    );
    try {
      await expect(fetchRuntimeSecrets(api, null)).rejects.toBeInstanceOf(Unavailable);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "refuse_audit" ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION coffer_test_refuse()`);
    }
    expect(await flushSecretAccessCounts()).toBe(0);
    expect(await readCounts(api)).toEqual(counted);
  });

  it("a first read that cannot be audited leaves no reader behind", async () => {
    const fresh = await serviceActor("fresh");
    await db.$executeRawUnsafe(
      `CREATE FUNCTION coffer_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END; $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_audit" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION coffer_test_refuse()`,
    );
    try {
      await expect(fetchRuntimeSecrets(fresh, null)).rejects.toBeInstanceOf(Unavailable);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "refuse_audit" ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION coffer_test_refuse()`);
    }
    expect(await db.secretAccess.count({ where: { readerId: fresh.id } })).toBe(0);
  });

  it("delivers each binding's version and key, read in one query for all bindings", async () => {
    await createSecret(owner, "default", { name: "multi", stringData: { a: "a-1", b: "b-1" } });
    await rotateSecret(owner, "default", "multi", { stringData: { a: "a-2", b: "b-2" } });
    await createService(owner, "default", { name: "pinned" });
    await addBinding(owner, "default", "pinned", { secret: "multi", target: "old", pinnedVersion: 1 });
    await addBinding(owner, "default", "pinned", { secret: "multi", target: "new" });
    await addBinding(owner, "default", "pinned", { secret: "multi", target: "only-b", key: "b" });
    const reader = await resolveServiceToken((await createServiceToken(owner, "default", "pinned", {})).token, testContext);
    const answer = await fetchRuntimeSecrets(reader, null);
    if (!("secrets" in answer)) throw new Error("expected the secrets");
    const text = (data: string) => Buffer.from(data, "base64").toString();
    expect(answer.secrets.map((s) => [s.target, s.version, s.kind, s.files.map((f) => [f.path, text(f.data)])])).toEqual([
      [
        "new",
        2,
        "dir",
        [
          ["new/a", "a-2"],
          ["new/b", "b-2"],
        ],
      ],
      [
        "old",
        1,
        "dir",
        [
          ["old/a", "a-1"],
          ["old/b", "b-1"],
        ],
      ],
      ["only-b", 2, "file", [["only-b", "b-2"]]],
    ]);
  });

  it("names the secret and version it cannot deliver: pruned (404) or undecryptable (500, no value shown)", async () => {
    await createSecret(owner, "default", { name: "fragile", stringData: { value: `${CANARY}-fragile` } });
    await rotateSecret(owner, "default", "fragile", { stringData: { value: `${CANARY}-fragile-2` } });
    await createService(owner, "default", { name: "brittle" });
    await addBinding(owner, "default", "brittle", { secret: "fragile", pinnedVersion: 1 });
    const reader = await resolveServiceToken((await createServiceToken(owner, "default", "brittle", {})).token, testContext);
    const reads = await successfulReads(reader);

    const secret = await db.secret.findFirstOrThrow({ where: { name: "fragile" } });
    const v1 = await db.secretVersion.findUniqueOrThrow({ where: { secretId_version: { secretId: secret.id, version: 1 } } });
    const tampered = new Uint8Array(v1.ciphertext);
    tampered[0]! ^= 1;
    await db.secretVersion.update({ where: { id: v1.id }, data: { ciphertext: tampered } });
    const broken = await fetchRuntimeSecrets(reader, null).catch((error: unknown) => error);
    expect(broken).toBeInstanceOf(UndecryptableSecret);
    expect((broken as Error).message).toBe("secret 'fragile' version 1 cannot be decrypted: the stored data failed its integrity check");
    assertNoLeak(broken, `${CANARY}-fragile`);

    await db.secretVersion.delete({ where: { id: v1.id } });
    const pruned = await fetchRuntimeSecrets(reader, null).catch((error: unknown) => error);
    expect(pruned).toBeInstanceOf(NotFound);
    expect((pruned as Error).message).toBe("secret 'fragile' has no version 1 (only the newest versions are kept)");
    // Nothing was delivered, so nothing was recorded as read.
    expect(await successfulReads(reader)).toBe(reads);
    expect(await db.secretAccess.count({ where: { readerId: reader.id } })).toBe(0);
  });

  it("never deadlocks: repeat and first reads of two services racing rotations and flushes", async () => {
    const rounds = databaseKind() === "pglite" ? 2 : 8;
    const failures: string[] = [];
    const note = (what: string) => (error: unknown) =>
      void failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    for (let round = 1; round <= rounds; round++) {
      // Every other round, first reads again (an INSERT with its foreign-key lock on Secret).
      if (round % 2) await db.secretAccess.deleteMany({});
      const work = [
        ...Array.from({ length: CONNECTIONS / 2 }, (_, i) =>
          fetchRuntimeSecrets(i % 2 ? web : api, null).catch(note(`round ${round} read`)),
        ),
        ...SECRETS.map((name) =>
          rotateSecret(owner, "default", name, { stringData: { value: `${name}-${round}` } }).catch(
            note(`round ${round} rotation of ${name}`),
          ),
        ),
        flushSecretAccessCounts().catch(note(`round ${round} flush`)),
      ];
      await Promise.all(work);
      await flushSecretAccessCounts().catch(note(`round ${round} last flush`));
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
