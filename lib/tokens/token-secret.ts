// Bearer tokens: a type prefix (`cfp_` personal, `cfs_` service, `cfi_`
// integration) and 32 random bytes, base64url. Only their SHA-256 is
// stored; the plaintext is shown once at creation.
import { createHash, randomBytes } from "node:crypto";

export type TokenKind = "cfp" | "cfs" | "cfi";

export function newToken(kind: TokenKind): { token: string; hash: string; prefix: string } {
  const token = `${kind}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function bearerToken(headers: Headers): string | null {
  const value = headers.get("authorization");
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1] ?? null;
}
