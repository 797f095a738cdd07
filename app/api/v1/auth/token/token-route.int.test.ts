import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as tokenRoute from "./route";

describe("POST /api/v1/auth/token", () => {
  it("answers concurrent wrong passwords past the limit with 429 and Retry-After, before checking them", async () => {
    // Regression: 50 concurrent wrong passwords got 20 checked before the lock (limit 5).
    await createUser("cli@example.com");
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(tokenRoute.POST, { body: { email: "cli@example.com", password: `wrong-${i}` } })),
    );
    const statuses = responses.map((r) => r.status).sort();
    // Four failures, the fifth that locks, seven turned away unchecked.
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(8).fill(429)]);
    for (const refused of responses.filter((r) => r.status === 429)) {
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body.error.code).toBe("throttled");
    }
    const failed = await db.auditEvent.findMany({ where: { action: "auth.login_failed" } });
    expect(failed.filter((e) => (e.details as { reason: string }).reason === "wrong_password")).toHaveLength(5);
    // The seven turned away are counted, and only the first of the window is an event, so a flood cannot write the audit log at will.
    expect(failed.filter((e) => (e.details as { reason: string }).reason === "locked")).toHaveLength(1);
    const [counted] = await db.$queryRaw<
      { count: number }[]
    >`SELECT "count" FROM "CredentialRejection" WHERE "kind" = 'signin' AND "reason" = 'locked'`;
    expect(counted?.count).toBe(7);
    // Nothing was issued.
    expect(await db.accessToken.count()).toBe(0);
  });
});
