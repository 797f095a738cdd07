// Regression: two invites for one address gave two links for one account,
// and only the first accepted won. Now one pending invite per email.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as inviteRoute from "./[id]/route";
import * as invitesRoute from "./route";

let admin: string;

beforeAll(async () => {
  admin = await personalToken((await createUser("admin@example.com", [{ role: "admin" }])).user.id);
});

const invite = (email: string) => call(invitesRoute.POST, { token: admin, body: { email, role: "viewer" } });

describe("one pending invite per email", () => {
  it("refuses a second invite while one is pending, and allows a new one once it is revoked or expired", async () => {
    const first = await invite("newcomer@example.com");
    expect(first.status).toBe(201);
    const second = await call(invitesRoute.POST, { token: admin, body: { email: "NewComer@example.com", role: "editor" } });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("an invite for newcomer@example.com is already pending; revoke it first");
    expect(await db.invite.count({ where: { email: "newcomer@example.com" } })).toBe(1);

    expect((await call(inviteRoute.DELETE, { token: admin, params: { id: first.body.id }, method: "DELETE" })).status).toBe(204);
    const third = await invite("newcomer@example.com");
    expect(third.status).toBe(201);
    await db.invite.update({ where: { id: third.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await invite("newcomer@example.com")).status).toBe(201);
  });

  it("refuses to invite a member's email", async () => {
    const response = await invite("admin@example.com");
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe("admin@example.com is already a member");
  });

  it("lets exactly one of several concurrent invites for one email through", async () => {
    for (let round = 0; round < 5; round++) {
      const email = `race-${round}@example.com`;
      const answers = await Promise.all([invite(email), invite(email), invite(email)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      expect(await db.invite.count({ where: { email } })).toBe(1);
    }
  });
});
