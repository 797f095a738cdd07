import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "../auth/actor";
import { db } from "../db/client";
import { encodeCursor } from "../db/keyset-cursor";
import { createUser, ensureNamespace } from "../../tests/support/factories";
import { createSecret } from "./create-secret";
import { listSecretNames, listSecrets, listSecretsPage, parseSecretFilters, type SecretFilters } from "./list-secrets";
import { COUNT_CAP } from "./list-secrets-sql";

const NS = "paging";
let owner: UserActor;
let namespaceId: string;

/** Metadata-only rows straight into the table: the list reads metadata, never a value. */
async function seed(names: string[], labels: (i: number) => Record<string, string> = () => ({})) {
  for (const [i, name] of names.entries()) {
    await db.$executeRaw`
      INSERT INTO "Secret" ("id", "namespaceId", "name", "labels", "currentVersion", "createdAt", "updatedAt")
      VALUES (${`seed${name}`.padEnd(25, "0").slice(0, 25)}, ${namespaceId}, ${name}, ${JSON.stringify(labels(i))}::jsonb, 1, now(), now())`;
  }
}

async function allPages(filters: SecretFilters, limit: number, between?: (page: number) => Promise<void>) {
  const names: string[] = [];
  let cursor: string | undefined;
  let page = 0;
  do {
    const result = await listSecretsPage(owner, NS, filters, { limit, cursor });
    expect(result.secrets.length).toBeLessThanOrEqual(limit);
    names.push(...result.secrets.map((s) => s.name));
    cursor = result.nextCursor ?? undefined;
    await between?.(page++);
  } while (cursor);
  return names;
}

const none: SecretFilters = { labels: [] };
const pad = (i: number) => String(i).padStart(3, "0");

beforeAll(async () => {
  owner = (await createUser("owner@example.com", [{ role: "owner" }])).actor;
  namespaceId = (await ensureNamespace(NS)).id;
  await seed(
    Array.from({ length: 250 }, (_, i) => `app-${pad(i)}`),
    (i) => ({ env: i % 2 ? "prod" : "dev", tier: `t${i % 5}` }),
  );
});

describe("paging secrets in SQL", () => {
  it("walks every secret once, in name order, however the pages fall", async () => {
    const names = await allPages(parseSecretFilters(["name=app-"]), 40);
    expect(names).toHaveLength(250);
    expect(new Set(names).size).toBe(250);
    expect(names).toEqual(Array.from({ length: 250 }, (_, i) => `app-${pad(i)}`));
  });

  it("keeps its place when secrets are created between pages: no duplicates, none of the first listing missing", async () => {
    const before = await allPages(parseSecretFilters(["name=app-"]), 250);
    const behind: string[] = [];
    const ahead: string[] = [];
    const names = await allPages(parseSecretFilters(["name=app-"]), 60, async (page) => {
      if (page > 2) return;
      // One name behind the cursor (never shown, never shifts the rest) and one ahead of it (shown once).
      behind.push(`app-${pad(page * 60)}a${page}`);
      ahead.push(`app-${pad(page * 60 + 120)}z${page}`);
      await seed([behind.at(-1)!, ahead.at(-1)!]);
    });
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    for (const name of [...before, ...ahead]) expect(names).toContain(name);
    for (const name of behind) expect(names).not.toContain(name);
    await db.secret.deleteMany({ where: { namespaceId, name: { in: [...behind, ...ahead] } } });
  });

  it("pages 100 by default and refuses a limit outside 1 to 1,000, naming it", async () => {
    expect((await listSecretsPage(owner, NS, none)).secrets).toHaveLength(100);
    expect((await listSecretsPage(owner, NS, none, { limit: "1000" })).nextCursor).toBeNull();
    for (const limit of ["0", "1001", "-1", "ten", "1.5"]) {
      await expect(listSecretsPage(owner, NS, none, { limit })).rejects.toMatchObject({
        status: 400,
        message: "limit must be a whole number from 1 to 1000",
      });
    }
  });

  it("refuses a forged or garbled cursor as invalid, never a database error", async () => {
    const forged = [
      "%%%",
      "bm90IGpzb24",
      Buffer.from("[]").toString("base64url"),
      encodeCursor("secret:created:asc", ["2026-01-01T00:00:00.000Z", "a"]),
      encodeCursor("secret:name:asc", [42]),
      encodeCursor("secret:name:asc", ["a\u0000b"]),
      encodeCursor("secret:name:asc", ["a", "b"]),
      Buffer.from(JSON.stringify({ s: "secret:name:asc", k: ['x\'); DROP TABLE "Secret"; --'] }))
        .toString("base64url")
        .replace(/.$/, "!"),
      "A".repeat(5000),
    ];
    for (const cursor of forged) {
      await expect(listSecretsPage(owner, NS, none, { cursor })).rejects.toMatchObject({ status: 400, message: "cursor is invalid" });
    }
    // A well-formed cursor of a name that is not there still pages from where that name would sort.
    const odd = encodeCursor("secret:name:asc", ['x\'); DROP TABLE "Secret"; --']);
    expect((await listSecretsPage(owner, NS, none, { cursor: odd })).secrets).toEqual([]);
    expect(await db.secret.count({ where: { namespaceId } })).toBeGreaterThan(0);
  });

  // Regression (issue 17): `name=s4_` matched s40_…s49_, since `_` was a LIKE wildcard.
  it("takes % _ and \\ in a name prefix literally", async () => {
    await seed(["s4_one", "s40_two", "s4x_three", "s4-four", "s_b", "sab"]);
    const names = async (prefix: string) =>
      (await listSecretsPage(owner, NS, parseSecretFilters([`name=${prefix}`]))).secrets.map((s) => s.name);
    expect(await names("s4_")).toEqual(["s4_one"]);
    expect(await names("s_")).toEqual(["s_b"]);
    expect(await names("%")).toEqual([]);
    expect(await names("s4%")).toEqual([]);
    expect(await names("s\\")).toEqual([]);
    expect(await names("s4")).toEqual(["s4-four", "s40_two", "s4_one", "s4x_three"].sort());
  });

  it("filters by label key, key=value, and values holding quotes, in SQL", async () => {
    await seed(["quoted-1", "quoted-2"], (i) => (i ? { note: `it's a "test"` } : { note: `back\\slash'` }));
    const names = async (...filters: string[]) => (await listSecrets(owner, NS, parseSecretFilters(filters))).map((s) => s.name);
    expect(await names(`label=note=it's a "test"`)).toEqual(["quoted-2"]);
    expect(await names(`label=note=back\\slash'`)).toEqual(["quoted-1"]);
    expect(await names("label=note")).toEqual(["quoted-1", "quoted-2"]);
    expect(await names("label=note=it's")).toEqual([]);
    expect(await names("label=env=prod", "label=tier=t0")).toHaveLength(25);
    expect(await names("label=env=prod", "name=app-00")).toEqual(["app-001", "app-003", "app-005", "app-007", "app-009"]);
    // Own keys only, as before: a label called constructor matches nothing here.
    expect(await names("label=constructor")).toEqual([]);
  });

  it("filters stale secrets as a query: not read, or created, within COFFER_STALE_DAYS", async () => {
    await seed(["old-read", "old-unread", "old-recent-read"]);
    const old = new Date(Date.now() - 400 * 86_400_000);
    await db.secret.updateMany({ where: { namespaceId, name: { startsWith: "old-" } }, data: { createdAt: old } });
    const ids = Object.fromEntries(
      (await db.secret.findMany({ where: { namespaceId, name: { startsWith: "old-" } } })).map((s) => [s.name, s.id]),
    );
    const access = (secretId: string, lastReadAt: Date, key: string) => ({
      id: `acc_${key}`,
      secretId,
      readerKey: `service:${key}`,
      readerType: "service",
      readerId: key,
      readerLabel: `paging/${key}`,
      firstReadAt: old,
      lastReadAt,
      count: 1,
    });
    await db.secretAccess.createMany({
      data: [
        access(ids["old-read"]!, old, "a"),
        access(ids["old-recent-read"]!, old, "b"),
        access(ids["old-recent-read"]!, new Date(), "c"),
      ],
    });
    const stale = await listSecrets(owner, NS, parseSecretFilters(["stale=true"]));
    expect(stale.map((s) => s.name)).toEqual(["old-read", "old-unread"]);
    expect(stale.every((s) => s.stale)).toBe(true);
    const fresh = await listSecrets(owner, NS, parseSecretFilters(["stale=false", "name=old-"]));
    expect(fresh.map((s) => [s.name, s.stale])).toEqual([["old-recent-read", false]]);
  });

  it("counts the matches and the position of a page, and pages back with before", async () => {
    const filters = parseSecretFilters(["name=app-"]);
    const first = await listSecretsPage(owner, NS, filters, { limit: 100, count: true });
    expect(first).toMatchObject({ total: 250, offset: 0, prevCursor: null });
    const second = await listSecretsPage(owner, NS, filters, { limit: 100, cursor: first.nextCursor!, count: true });
    expect(second).toMatchObject({ total: 250, offset: 100 });
    const third = await listSecretsPage(owner, NS, filters, { limit: 100, cursor: second.nextCursor!, count: true });
    expect(third).toMatchObject({ total: 250, offset: 200, nextCursor: null });
    expect(third.secrets.map((s) => s.name).at(-1)).toBe("app-249");
    const back = await listSecretsPage(owner, NS, filters, { limit: 100, before: third.prevCursor!, count: true });
    expect(back.secrets.map((s) => s.name)).toEqual(second.secrets.map((s) => s.name));
    expect(back.offset).toBe(100);
    const start = await listSecretsPage(owner, NS, filters, { limit: 100, before: back.prevCursor! });
    expect(start.secrets.map((s) => s.name)).toEqual(first.secrets.map((s) => s.name));
    expect(start.prevCursor).toBeNull();
  });

  it("pages by update time, newest first, with the name breaking ties", async () => {
    const sort = { key: "updated", dir: "desc" } as const;
    const walk: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSecretsPage(owner, NS, parseSecretFilters(["name=app-"]), { limit: 70, cursor, sort });
      walk.push(...page.secrets.map((s) => s.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walk).toHaveLength(250);
    expect(new Set(walk).size).toBe(250);
    // A name cursor is no cursor of this sort.
    const byName = await listSecretsPage(owner, NS, none, { limit: 5 });
    await expect(listSecretsPage(owner, NS, none, { cursor: byName.nextCursor!, sort })).rejects.toMatchObject({ status: 400 });
  });

  it("gives Vault's LIST every name in one answer, and hides deleted secrets", async () => {
    const created = await createSecret(owner, NS, { name: "zz-real", stringData: { value: "x" } });
    await db.secret.update({ where: { id: created.id }, data: { deletedAt: new Date() } });
    const names = await listSecretNames(owner, NS);
    expect(names.length).toBe(await db.secret.count({ where: { namespaceId, deletedAt: null } }));
    expect(names).not.toContain("zz-real");
    expect(names.length).toBeGreaterThan(250);
  });

  it("refuses a viewer of another namespace", async () => {
    const { actor } = await createUser("other@example.com", [{ role: "viewer", namespace: "elsewhere" }]);
    await expect(listSecretsPage(actor, NS, none)).rejects.toMatchObject({ status: 403 });
  });
});

// Issue 17: an exact count of 100,000 secrets was a full scan on every console page.
describe("counting a large namespace up to a cap", () => {
  const BIG = "big-count";
  const SIZE = COUNT_CAP + 50;

  beforeAll(async () => {
    const { id } = await ensureNamespace(BIG);
    // One statement, not 10,050: the count is the subject, not the seeding.
    await db.$executeRaw`
      INSERT INTO "Secret" ("id", "namespaceId", "name", "labels", "currentVersion", "createdAt", "updatedAt")
      SELECT 'big' || lpad(i::text, 22, '0'), ${id}, 'big-' || lpad(i::text, 5, '0'),
             jsonb_build_object('group', CASE WHEN i <= 150 THEN 'small' ELSE 'large' END), 1, now(), now()
      FROM generate_series(1, ${SIZE}::int) AS i`;
  });

  it("says 'the cap, and more' rather than scanning everything", async () => {
    const first = await listSecretsPage(owner, BIG, none, { limit: 100, count: true });
    expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true, offset: 0, offsetCapped: false });
    expect(first.secrets).toHaveLength(100);
  });

  it("keeps exact counts below the cap, on every page and on a page that is all there is", async () => {
    const small = parseSecretFilters(["label=group=small"]);
    const first = await listSecretsPage(owner, BIG, small, { limit: 100, count: true });
    expect(first).toMatchObject({ total: 150, totalCapped: false, offset: 0 });
    const second = await listSecretsPage(owner, BIG, small, { limit: 100, cursor: first.nextCursor!, count: true });
    expect(second).toMatchObject({ total: 150, offset: 100, offsetCapped: false, nextCursor: null });
    const alone = await listSecretsPage(owner, BIG, small, { limit: 1000, count: true });
    expect(alone).toMatchObject({ total: 150, offset: 0, nextCursor: null, prevCursor: null });
  });

  it("knows a page's position up to the cap, and says when it is past it", async () => {
    const atCap = await listSecretsPage(owner, BIG, none, {
      limit: 1000,
      cursor: encodeCursor("secret:name:asc", [`big-${String(COUNT_CAP - 100).padStart(5, "0")}`]),
      count: true,
    });
    expect(atCap).toMatchObject({ offset: COUNT_CAP - 100, offsetCapped: false, totalCapped: true });
    const past = await listSecretsPage(owner, BIG, none, {
      limit: 10,
      cursor: encodeCursor("secret:name:asc", [`big-${String(COUNT_CAP + 20).padStart(5, "0")}`]),
      count: true,
    });
    expect(past).toMatchObject({ offset: COUNT_CAP, offsetCapped: true, totalCapped: true });
    expect(past.secrets.map((s) => s.name)[0]).toBe(`big-${String(COUNT_CAP + 21).padStart(5, "0")}`);
  });
});
