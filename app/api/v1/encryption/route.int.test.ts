import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setProcessKeyring } from "@/lib/keys/process-keyring";
import { createSealedVersions, localKeyring } from "@/lib/keys/test-support/sealed-versions";
import { hashToken } from "@/lib/tokens/token-secret";
import { createUser } from "@/tests/support/factories";
import { GET, POST } from "./route";

const ENDPOINT = "http://coffer.test/api/v1/encryption";
const noParams = { params: Promise.resolve({}) };

async function tokenFor(email: string, role: string, scopes: string[] = []): Promise<string> {
  const { user } = await createUser(email, [{ role }]);
  const token = `cfp_${randomBytes(32).toString("base64url")}`;
  await db.accessToken.create({
    data: {
      id: `tok_${randomBytes(8).toString("hex")}`,
      userId: user.id,
      name: "test",
      prefix: token.slice(0, 10),
      tokenHash: hashToken(token),
      scopes,
    },
  });
  return token;
}

const headers = (token?: string) => ({
  "content-type": "application/json",
  "x-request-id": "req-encryption-test",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
const get = (token?: string) => GET(new Request(ENDPOINT, { headers: headers(token) }), noParams);
const post = (token: string, body: string) => POST(new Request(ENDPOINT, { method: "POST", headers: headers(token), body }), noParams);

let owner: string;
let viewer: string;

beforeAll(async () => {
  await createSealedVersions(localKeyring("key1"), 3);
  setProcessKeyring(localKeyring("key2", "key1"));
  owner = await tokenFor("owner@example.com", "owner");
  viewer = await tokenFor("viewer@example.com", "viewer");
});

afterAll(() => setProcessKeyring(undefined));

describe("GET /api/v1/encryption", () => {
  it("needs a token, refuses a viewer, and shows an owner the keys, uncached", async () => {
    expect((await get()).status).toBe(401);

    const denied = await get(viewer);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error).toEqual({ code: "forbidden", message: "permission key:manage required" });

    const allowed = await get(owner);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("cache-control")).toBe("no-store");
    expect(await allowed.json()).toEqual({
      source: "keyring-file",
      primary: "key2",
      keys: [
        { kekName: "key2", versions: 0, totpSecrets: 0, inKeyring: true, primary: true },
        { kekName: "key1", versions: 3, totpSecrets: 0, inKeyring: true, primary: false },
      ],
      job: null,
    });
  });

  it("refuses a token scoped without key:manage", async () => {
    const scoped = await tokenFor("scoped@example.com", "owner", ["secret:list"]);
    expect((await get(scoped)).status).toBe(403);
  });
});

describe("POST /api/v1/encryption", () => {
  it("answers a body without a known action with 400 naming the field", async () => {
    for (const body of ["{}", '{"action":"rotate"}', '{"action":1}']) {
      const response = await post(owner, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toBe('action must be "rewrap" or "cancel"');
    }
    expect((await post(owner, "{nope")).status).toBe(400);
    expect((await post(owner, "[]")).status).toBe(400);
  });

  it("refuses a viewer", async () => {
    expect((await post(viewer, '{"action":"rewrap"}')).status).toBe(403);
    expect((await post(viewer, '{"action":"cancel"}')).status).toBe(403);
    expect(await db.job.count()).toBe(0);
  });

  it("queues a re-wrap (202), refuses a second (409), cancels (200), then has nothing to cancel (409)", async () => {
    const started = await post(owner, '{"action":"rewrap"}');
    expect(started.status).toBe(202);
    expect(started.headers.get("cache-control")).toBe("no-store");
    const { job } = await started.json();
    expect(job).toMatchObject({ kind: "rewrap", state: "queued", progress: 0, total: 3 });

    const again = await post(owner, '{"action":"rewrap"}');
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("conflict");

    const cancelled = await post(owner, '{"action":"cancel"}');
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).job).toMatchObject({ id: job.id, state: "cancelled" });

    expect((await post(owner, '{"action":"cancel"}')).status).toBe(409);
    expect((await (await get(owner)).json()).job).toMatchObject({ id: job.id, state: "cancelled" });
  });
});
