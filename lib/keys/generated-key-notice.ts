import "server-only";
// Whether the console warns that the master key was generated beside the
// data, and with how much detail. The key file's absolute path is server
// detail: only owners (who can act on it) see it; every other member is
// told to ask one (issue 17: it was shown to viewers too).
import type { Actor } from "../auth/actor";
import { isGlobalOwner } from "../team/guards";
import { processKeyring } from "./process-keyring";

export type GeneratedKeyNotice = { path: string | null };

export async function generatedKeyNotice(actor: Actor): Promise<GeneratedKeyNotice | null> {
  const loaded = processKeyring();
  if (loaded.source !== "generated") return null;
  if (actor.type !== "user") return { path: null };
  return { path: (await isGlobalOwner(actor.id)) ? (loaded.generatedPath ?? null) : null };
}
