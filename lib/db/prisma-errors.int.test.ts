// Regression backstop: a value that slips past input parsing and is
// refused by PostgreSQL itself (NUL in text, numbers and dates out of range)
// answers 400, not 500, on PostgreSQL and PGlite alike; the real checks stay
// at input, where the message can name the field.
import { describe, expect, it } from "vitest";
import { errorResponse } from "../http/route";
import { getSecret } from "../secrets/get-secret";
import { createUser } from "@/tests/support/factories";
import { db } from "./client";
import { translatePrismaError } from "./prisma-errors";

async function refusal(query: () => Promise<unknown>) {
  const error = await query().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return translatePrismaError(error) as { status?: number; message?: string };
}

describe("errors the database raises for a value", () => {
  it("become 400s that say what kind of value was refused", async () => {
    expect(await refusal(() => db.namespace.findUnique({ where: { name: "a\u0000b" } }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("NUL character"),
    });
    expect(await refusal(() => db.$queryRaw`SELECT ${"a\u0000b"}::text`)).toMatchObject({ status: 400 });
    expect(await refusal(() => db.secretVersion.findMany({ where: { version: 2 ** 31 } }))).toMatchObject({
      status: 400,
      message: "a number in the request is out of range",
    });
    expect(await refusal(() => db.auditEvent.findMany({ where: { seq: { lt: 2n ** 64n } } }))).toMatchObject({
      status: 400,
      message: "a number in the request is out of range",
    });
    expect(await refusal(() => db.auditEvent.findMany({ where: { time: { gte: new Date("0000-01-01") } } }))).toMatchObject({
      status: 400,
      message: "a date in the request is out of range",
    });
  });

  it("answer 400 through a domain action and the route mapping, writing nothing", async () => {
    const { actor } = await createUser("owner@example.com", [{ role: "owner" }]);
    const before = await db.auditEvent.count();
    const error = await getSecret(actor, "de\u0000fault", "x").catch((e: unknown) => e);
    const response = errorResponse(error, "req-1");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
    expect(await db.auditEvent.count()).toBe(before);
  });
});
