// Regression: members could not see their own grants without
// member:list (the profile guessed them from permissions). GET /api/v1/me
// answers for any signed-in member.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import * as usersRoute from "../users/route";
import * as meRoute from "./route";

describe("GET /api/v1/me", () => {
  it("gives a viewer without member:list their own grants with each role's permissions", async () => {
    const { user } = await createUser("vera@example.com", [{ role: "viewer" }, { role: "editor", namespace: "staging" }]);
    const token = await personalToken(user.id);
    expect((await call(usersRoute.GET, { token })).status).toBe(403);

    const me = await call(meRoute.GET, { token });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const grants = await db.roleBinding.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(me.body).toEqual({
      id: user.id,
      email: "vera@example.com",
      name: "vera",
      grants: [
        {
          id: grants[0]!.id,
          role: "viewer",
          namespace: null,
          permissions: ["secret:list", "secret:inspect", "service:list", "service:inspect"],
        },
        {
          id: grants[1]!.id,
          role: "editor",
          namespace: "staging",
          permissions: expect.arrayContaining(["secret:create", "binding:manage"]),
        },
      ],
    });
    expect(me.text).not.toContain("passwordHash");
  });

  it("answers a member with no role too, and 401 without a token", async () => {
    const { user } = await createUser("nobody@example.com");
    expect((await call(meRoute.GET, { token: await personalToken(user.id) })).body).toMatchObject({
      email: "nobody@example.com",
      grants: [],
    });
    expect((await call(meRoute.GET, {})).status).toBe(401);
  });
});
