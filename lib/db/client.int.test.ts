import { describe, expect, it } from "vitest";
import { connection, db } from "./client";

describe("the bulk-read path", () => {
  it.skipIf(process.env.COFFER_TEST_DB !== "postgres")("survives PostgreSQL closing its idle connection, and reconnects", async () => {
    const bulkPid = async () => (await connection().bulkQuery<{ pid: number }>("SELECT pg_backend_pid() AS pid", []))[0]!.pid;
    const first = await bulkPid();
    // As an administrator or a restart would: the pool's client is idle now.
    await db.$queryRawUnsafe(`SELECT pg_terminate_backend(${first})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await bulkPid();
    expect(second).not.toBe(first);
  });
});
