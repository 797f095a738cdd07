// Regression: a database outage was answered 500, with a stack in
// the log per request. It is a 503 with Retry-After, and the log says once
// that the database went away and once that it came back.
import { createServer, type Server } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as exportRoute from "@/app/api/v1/audit/export/route";
import * as namespacesRoute from "@/app/api/v1/namespaces/route";
import { log } from "@/lib/log/logger";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { adminQuery, databaseUrl, dropDatabase } from "@/tests/support/postgres";
import { connect, connection, setConnection } from "../../lib/db/client";
import { databaseOutageSince } from "../../lib/db/prisma-errors";

const onPostgres = process.env.COFFER_TEST_DB === "postgres";
const unavailable = { error: { code: "unavailable", message: "the database is unavailable; try again shortly" } };
const opened: { close(): Promise<void> }[] = [];
let own: ReturnType<typeof connection>;
let database: string;
let silent: Server | undefined;
let token: string;

function use(url: string) {
  const next = connect({ databaseUrl: url, dataDir: "" });
  opened.push(next);
  setConnection(next);
}

const logged = (spy: { mock: { calls: unknown[][] } }, message: string) => spy.mock.calls.filter((args) => args[1] === message).length;

beforeAll(async () => {
  if (!onPostgres) return;
  own = connection();
  // A database of its own, so taking it away leaves the file's database alone.
  database = `${inject("templateDatabase")}_down_${randomBytes(3).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
  use(databaseUrl(database));
  token = await personalToken((await createUser("owner@example.com", [{ role: "owner" }])).user.id);
});

afterAll(async () => {
  if (!onPostgres) return;
  setConnection(own);
  for (const extra of opened) await extra.close().catch(() => undefined);
  silent?.close();
  await adminQuery(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
  await dropDatabase(database);
});

describe.skipIf(!onPostgres)("a database outage", () => {
  it("answers 503 with Retry-After while PostgreSQL is gone, logging one line when it goes and one when it is back", async () => {
    const error = vi.spyOn(log, "error");
    const info = vi.spyOn(log, "info");
    expect((await call(namespacesRoute.GET, { token })).status).toBe(200);

    // Terminated connections, and no new ones accepted: what a stopped server looks like from here.
    await adminQuery(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
    for (let i = 0; i < 3; i++) {
      const down = await call(namespacesRoute.GET, { token });
      expect(down.status).toBe(503);
      expect(down.body).toEqual(unavailable);
      expect(down.headers.get("retry-after")).toBe("5");
    }
    // The export fails before its first byte: a JSON 503, not a 200 that breaks off.
    const exported = await call(exportRoute.GET, { token, query: "?format=jsonl" });
    expect(exported.status).toBe(503);
    expect(exported.body).toEqual(unavailable);
    expect(databaseOutageSince()).toBeInstanceOf(Date);
    expect(logged(error, "database unavailable: answering 503 until it is back")).toBe(1);
    expect(logged(error, "unhandled error in route")).toBe(0);

    await adminQuery(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    expect((await call(namespacesRoute.GET, { token })).status).toBe(200);
    expect((await call(namespacesRoute.GET, { token })).status).toBe(200);
    expect(logged(info, "database available again")).toBe(1);
    expect(databaseOutageSince()).toBeNull();
  });

  it("answers 503 when nothing listens, and when the server accepts but never answers", async () => {
    const error = vi.spyOn(log, "error");
    error.mockClear();
    use("postgres://postgres@127.0.0.1:1/refused");
    const refused = await call(namespacesRoute.GET, { token });
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual(unavailable);

    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent!.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    use(`postgres://postgres@127.0.0.1:${port}/silent`);
    const hung = await call(namespacesRoute.GET, { token });
    expect(hung.status).toBe(503);
    expect(hung.headers.get("retry-after")).toBe("5");
    // Still the same outage for the log: no database answered in between.
    expect(logged(error, "database unavailable: answering 503 until it is back")).toBe(1);
    expect(logged(error, "unhandled error in route")).toBe(0);
  });
});
