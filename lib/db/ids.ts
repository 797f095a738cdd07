// The ids of database rows. Tokens, invite links and session ids are
// credentials, not ids: they are made where they are hashed
// (lib/tokens/token-secret.ts and the like), never here.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** The kinds of row with a generated id: the prefix makes an id in a log line or a URL say what it names. */
export type IdPrefix = "acc" | "bnd" | "gm" | "int" | "inv" | "job" | "ns" | "pwr" | "rb" | "role" | "stk" | "sv" | "svc" | "tok" | "usr";

// 96 random bits: no two rows of an instance's lifetime collide, so no
// insert needs a retry on a unique violation.
const ID_BYTES = 12;

/** `usr_` and 24 hex characters. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(ID_BYTES).toString("hex")}`;
}

/**
 * A secret's id, like Docker's: 25 lowercase base36 characters, from 128
 * random bits (36^25 > 2^128, so every value fits and none collide by
 * design). The API and CLI show it, so it keeps Docker's form.
 */
export function newSecretId(): string {
  const n = BigInt(`0x${randomBytes(16).toString("hex")}`);
  return n.toString(36).padStart(25, "0");
}

/**
 * Names this process as the holder of a lease (the job worker, the audit
 * sequencer): the host and pid say which node holds it, the random part
 * tells two holders of one process apart.
 */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}
