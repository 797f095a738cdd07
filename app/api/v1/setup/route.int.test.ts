import { describe, expect, it } from "vitest";
import { issueSetupToken } from "@/lib/auth/setup";
import { db } from "@/lib/db/client";
import { POST } from "./route";

const call = (body: string) =>
  POST(
    new Request("http://coffer.test/api/v1/setup", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-setup-test", "x-forwarded-for": "192.0.2.9" },
      body,
    }),
    { params: Promise.resolve({}) },
  );

const owner = { email: "root@example.com", name: "Root", password: "correct horse battery" };

describe("POST /api/v1/setup", () => {
  it("answers bad input with 400 naming the field, a wrong token with 403, then 201 and 404", async () => {
    const token = await issueSetupToken();

    const malformed = await call("{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: "bad_request", message: "request body must be valid JSON" } });

    const missing = await call(JSON.stringify({ token, name: "Root", password: owner.password }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toBe("email is required");

    const notObject = await call("[1,2]");
    expect(notObject.status).toBe(400);

    const wrong = await call(JSON.stringify({ ...owner, token: "guess" }));
    expect(wrong.status).toBe(403);
    const denial = await db.auditEvent.findFirstOrThrow({ where: { action: "setup.complete", outcome: "denied" } });
    expect(denial).toMatchObject({ ip: "192.0.2.9", requestId: "req-setup-test" });
    expect(await db.user.count()).toBe(0);

    const created = await call(JSON.stringify({ ...owner, token }));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.user).toMatchObject({ email: "root@example.com", name: "Root" });
    expect(JSON.stringify(body)).not.toContain(owner.password);
    expect(created.headers.get("cache-control")).toBe("no-store");

    const again = await call(JSON.stringify({ ...owner, token }));
    expect(again.status).toBe(404);
  });
});
