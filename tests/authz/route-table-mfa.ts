// The caller's own TOTP routes (issue 16). Any member may manage their own
// second factor; prepare arranges every member's row at once (the matrix's
// callers, the OpenAPI answers test's owner), since it does not know who
// calls next, with one known secret so the shared body's code fits each.
import { sealTotpSecret } from "@/lib/auth/mfa/totp-secret";
import { totp } from "@/lib/auth/mfa/totp";
import { db } from "@/lib/db/client";
import { v1, type RouteEntry } from "./route-table-entry";

const KNOWN_SECRET = Buffer.from("matrix-totp-secret-20");
const everyUser = () => db.user.findMany({ select: { id: true } });

async function everyMember(confirmed: boolean) {
  for (const { id } of await everyUser()) {
    const sealed = await sealTotpSecret(id, KNOWN_SECRET);
    const row = { ...sealed, confirmedAt: confirmed ? new Date() : null, lastUsedStep: null };
    await db.mfaTotp.upsert({ where: { userId: id }, create: { userId: id, ...row }, update: row });
  }
}

const file = `${v1}/me/mfa/totp/route.ts`;

export const MFA_ROUTES: RouteEntry[] = [
  { method: "GET", path: "/api/v1/me/mfa/totp", auth: "personal", ok: 200, file },
  {
    method: "POST",
    path: "/api/v1/me/mfa/totp",
    auth: "personal",
    ok: 201,
    file,
    // Enrolling over a confirmed authenticator is a 409: start from none.
    prepare: async () => {
      await db.mfaTotp.deleteMany({});
      return {};
    },
  },
  {
    method: "POST",
    path: "/api/v1/me/mfa/totp/confirm",
    auth: "personal",
    ok: 200,
    file: `${v1}/me/mfa/totp/confirm/route.ts`,
    prepare: async () => {
      await everyMember(false);
      return { body: { code: totp(KNOWN_SECRET, new Date()) } };
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/me/mfa/totp",
    auth: "personal",
    ok: 204,
    file,
    prepare: async () => {
      await everyMember(true);
      return { body: { password: "correct horse battery" } };
    },
    // The members who were not the caller keep no second factor into later routes.
    after: async () => {
      await db.mfaTotp.deleteMany({});
    },
  },
];
