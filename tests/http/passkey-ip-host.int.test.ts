// An instance reached at an IP address cannot offer passkeys (browsers
// refuse an IP as the WebAuthn RP ID): the API says what to set instead,
// with a 400, rather than leaving the browser to fail.
import { afterAll, describe, expect, it, vi } from "vitest";

import * as registrationOptionsRoute from "@/app/api/v1/me/mfa/passkeys/options/route";
import * as signInOptionsRoute from "@/app/api/v1/auth/passkey/options/route";
import { PASSKEYS_NEED_HOST_NAME, passkeysAvailable } from "@/lib/auth/mfa/passkey-relying-party";
import { db } from "@/lib/db/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";

// vi.hoisted runs before the imports above, so before anything reads the config (read once per file).
const before = vi.hoisted(() => {
  const value = process.env.COFFER_PUBLIC_URL;
  process.env.COFFER_PUBLIC_URL = "http://127.0.0.1:3210";
  return value;
});

afterAll(() => {
  if (before === undefined) delete process.env.COFFER_PUBLIC_URL;
  else process.env.COFFER_PUBLIC_URL = before;
});

describe("passkeys on an instance whose public URL is an IP address", () => {
  it("are unavailable, and the options routes answer 400 with what to set", async () => {
    expect(passkeysAvailable()).toBe(false);
    const { user } = await createUser("ip-host@example.com");
    const token = await personalToken(user.id);
    const registration = await call(registrationOptionsRoute.POST, { token, method: "POST" });
    expect(registration.status).toBe(400);
    expect(registration.body.error.message).toBe(PASSKEYS_NEED_HOST_NAME);
    expect(await db.passkeyRegistration.count({ where: { userId: user.id } })).toBe(0);
    const signIn = await call(signInOptionsRoute.POST, { body: { challenge: "any" } });
    expect(signIn.status).toBe(400);
    expect(signIn.body.error.message).toBe(PASSKEYS_NEED_HOST_NAME);
  });
});
