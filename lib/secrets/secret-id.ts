import { randomBytes } from "node:crypto";

/**
 * A secret ID like Docker's: 25 lowercase base36 characters, from 128
 * random bits (36^25 > 2^128, so every value fits and none collide by design).
 */
export function newSecretId(): string {
  const n = BigInt(`0x${randomBytes(16).toString("hex")}`);
  return n.toString(36).padStart(25, "0");
}

export const SECRET_ID = /^[0-9a-z]{25}$/;
