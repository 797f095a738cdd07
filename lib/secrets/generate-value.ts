// Random values for "generate" (like `openssl rand -base64 32`), drawn with
// randomInt so every character is equally likely (no modulo bias).
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";

export const ALPHABETS = {
  alphanumeric: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  hex: "0123456789abcdef",
  symbols: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~",
} as const;

export const generateSpec = z.object({
  length: z.coerce
    .number({ error: "length must be a number" })
    .int("length must be a whole number")
    .min(8, "length must be at least 8")
    .max(4096, "length must be at most 4096"),
  alphabet: z.enum(["base64", ...Object.keys(ALPHABETS)] as ["base64", ...(keyof typeof ALPHABETS)[]], {
    error: "alphabet must be one of base64, alphanumeric, hex, symbols",
  }),
});

export type GenerateSpec = z.infer<typeof generateSpec>;

/** `length` characters; for base64, the encoding of `length` random bytes, as openssl does. */
export function generateValue({ length, alphabet }: GenerateSpec): Buffer {
  if (alphabet === "base64") return Buffer.from(randomBytes(length).toString("base64"), "utf8");
  const chars = ALPHABETS[alphabet];
  let out = "";
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return Buffer.from(out, "utf8");
}
