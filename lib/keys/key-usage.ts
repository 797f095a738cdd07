// How many secret versions (and sealed TOTP secrets) each key-encryption
// key wraps: every key of the keyring (0 when unused) and every key the data
// names, including keys no longer in the keyring, which is what a rotation
// must watch: a removed key that still wraps a TOTP secret locks its user out.
import type { Keyring } from "../crypto";
import { db, type Tx } from "../db/client";
import { processKeyring } from "./process-keyring";

export type KeyUsage = {
  kekName: string;
  /** Secret versions whose data key this key wraps (deleted secrets included). */
  versions: number;
  /** Members' TOTP secrets (second factor) whose data key this key wraps. */
  totpSecrets: number;
  inKeyring: boolean;
  primary: boolean;
};

/** Keyring order first (primary on top), then removed keys by name. */
export async function keyUsage(tx: Tx = db, keyring: Keyring = processKeyring().keyring): Promise<KeyUsage[]> {
  // One after the other: a transaction's connection runs one query at a time.
  const versionGroups = await tx.secretVersion.groupBy({ by: ["kekName"], _count: { _all: true } });
  const totpGroups = await tx.mfaTotp.groupBy({ by: ["kekName"], _count: { _all: true } });
  const counts = new Map(versionGroups.map((g) => [g.kekName, g._count._all]));
  const totp = new Map(totpGroups.map((g) => [g.kekName, g._count._all]));
  const removed = [...new Set([...counts.keys(), ...totp.keys()])].filter((name) => !keyring.has(name)).sort();
  return [...keyring.names, ...removed].map((kekName) => ({
    kekName,
    versions: counts.get(kekName) ?? 0,
    totpSecrets: totp.get(kekName) ?? 0,
    inKeyring: keyring.has(kekName),
    primary: kekName === keyring.primary,
  }));
}
