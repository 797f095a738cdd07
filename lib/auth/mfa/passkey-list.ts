import "server-only";
import { db } from "../../db/client";
import type { UserActor } from "../actor";
import { passkeyDto, type Passkey } from "./passkey-schemas";

/** GET /api/v1/me/mfa/passkeys: the caller's passkeys, oldest first; never the keys. */
export async function listPasskeys(actor: UserActor): Promise<Passkey[]> {
  const rows = await db.passkey.findMany({
    where: { userId: actor.id },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(passkeyDto);
}
