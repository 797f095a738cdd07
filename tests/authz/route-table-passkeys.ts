// The caller's own passkey routes (issue 16) and the public sign-in
// options. Any member may manage their own passkeys. prepare does not know
// who calls next: registration arranges a pending challenge for every
// member at once (one known challenge, so the shared body answers each);
// removal steps through the matrix's callers in the order it calls them.
import { webauthnChallengeHash } from "@/lib/auth/mfa/passkey-options";
import { db } from "@/lib/db/client";
import { MINUTE_MS } from "@/lib/time";
import { SoftAuthenticator } from "@/tests/http/passkey-authenticator";
import { ROLES, SCOPES } from "./expected-rows";
import { v1, type RouteEntry } from "./route-table-entry";

const KNOWN_CHALLENGE = "bWF0cml4LXBhc3NrZXktY2hhbGxlbmdl";
const file = `${v1}/me/mfa/passkeys/route.ts`;

async function everyMemberPending() {
  const pending = { challengeHash: webauthnChallengeHash(KNOWN_CHALLENGE), expiresAt: new Date(Date.now() + 5 * MINUTE_MS) };
  for (const { id } of await db.user.findMany({ select: { id: true } })) {
    await db.passkeyRegistration.upsert({ where: { userId: id }, create: { userId: id, ...pending }, update: pending });
  }
}

// The matrix calls each route once per caller, in createCallers' order (role by role, scope by scope).
const MATRIX_CALLERS = ROLES.flatMap((role) => SCOPES.map((scope) => `${role}.${scope}@matrix.example`));
let nextCaller = 0;

/** A passkey of the caller the matrix calls next. */
async function nextCallersPasskey(): Promise<string> {
  const email = MATRIX_CALLERS[nextCaller++ % MATRIX_CALLERS.length]!;
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const authenticator = new SoftAuthenticator();
  await db.passkey.create({
    data: { id: authenticator.id, userId: user.id, publicKey: new Uint8Array(32), transports: ["internal"], name: "matrix" },
  });
  return authenticator.id;
}

export const PASSKEY_ROUTES: RouteEntry[] = [
  { method: "POST", path: "/api/v1/auth/passkey/options", auth: "public", ok: 200, file: `${v1}/auth/passkey/options/route.ts` },
  { method: "GET", path: "/api/v1/me/mfa/passkeys", auth: "personal", ok: 200, file },
  { method: "POST", path: "/api/v1/me/mfa/passkeys/options", auth: "personal", ok: 200, file: `${v1}/me/mfa/passkeys/options/route.ts` },
  {
    method: "POST",
    path: "/api/v1/me/mfa/passkeys",
    auth: "personal",
    ok: 201,
    file,
    prepare: async () => {
      await everyMemberPending();
      return { body: { name: "matrix", response: new SoftAuthenticator().register({ challenge: KNOWN_CHALLENGE }) } };
    },
    // No member keeps a second factor into later routes.
    after: async (result) => {
      await db.passkey.delete({ where: { id: result.body.id } });
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/me/mfa/passkeys/{id}",
    auth: "personal",
    ok: 204,
    file: `${v1}/me/mfa/passkeys/[id]/route.ts`,
    prepare: async () => ({ params: { id: await nextCallersPasskey() } }),
  },
];
