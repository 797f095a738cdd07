// Regression: a reset link could only be checked by using it, so
// the page showed a form that would fail. POST /api/v1/password-reset/check
// says whether a link is usable and writes nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as userResetRoute from "../users/[id]/password-reset/route";
import * as checkRoute from "./check/route";
import * as resetRoute from "./route";

const writes = async () => ({ events: await db.auditEvent.count(), resets: await db.passwordReset.findMany({ select: { usedAt: true } }) });

describe("POST /api/v1/password-reset/check", () => {
  it("answers who a usable link is for, and 404 once it is used, expired or made up, writing nothing", async () => {
    const admin = await personalToken((await createUser("admin@example.com", [{ role: "admin" }])).user.id);
    const { user } = await createUser("pat@example.com", [{ role: "viewer" }]);
    const issued = await call(userResetRoute.POST, { token: admin, params: { id: user.id } });

    const before = await writes();
    const ok = await call(checkRoute.POST, { body: { token: issued.body.token } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ email: "pat@example.com", expiresAt: issued.body.expiresAt });
    const unknown = await call(checkRoute.POST, { body: { token: "cfr_not-a-real-link" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("this reset link is not valid or has expired");
    expect(await writes()).toEqual(before);

    expect((await call(resetRoute.POST, { body: { token: issued.body.token, password: "a brand new password" } })).status).toBe(204);
    expect((await call(checkRoute.POST, { body: { token: issued.body.token } })).status).toBe(404);

    const later = await call(userResetRoute.POST, { token: admin, params: { id: user.id } });
    await db.passwordReset.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(checkRoute.POST, { body: { token: later.body.token } })).status).toBe(404);
  });

  it("answers 400 for a body without a token", async () => {
    for (const body of [{}, { token: "" }, { token: 5 }]) {
      const response = await call(checkRoute.POST, { body });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/token/);
    }
    expect((await call(checkRoute.POST, { rawBody: "not json" })).status).toBe(400);
  });
});
