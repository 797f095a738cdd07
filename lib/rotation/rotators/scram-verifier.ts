// The SCRAM-SHA-256 verifier PostgreSQL stores for a password, computed here
// as libpq's PQencryptPasswordConn (and psql's \password) do, so that
// `ALTER ROLE … PASSWORD '<verifier>'` carries no clear password: the server
// stores a pre-hashed verifier as it is, and its logs (log_statement = ddl,
// or an error's statement) can only ever show the verifier.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

/** PostgreSQL's default (scram_iterations), and what libpq uses. */
export const SCRAM_ITERATIONS = 4096;
const SALT_BYTES = 16;

/**
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>` (RFC 5802, 7677).
 * Only printable ASCII: PostgreSQL passes a pure-ASCII password through
 * SASLprep untouched, and every generator alphabet is ASCII; anything else
 * would need SASLprep's normalization to match what the server derives.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(SALT_BYTES), iterations = SCRAM_ITERATIONS): string {
  if (!/^[\x20-\x7e]+$/.test(password)) throw new Error("a rotated password must be printable ASCII");
  const { storedKey, serverKey } = scramKeys(password, salt, iterations);
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/** The two keys a verifier holds; exported for the test that replays RFC 7677's exchange. */
export function scramKeys(password: string, salt: Buffer, iterations: number): { storedKey: Buffer; serverKey: Buffer } {
  const salted = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  return {
    storedKey: createHash("sha256").update(clientKey).digest(),
    serverKey: createHmac("sha256", salted).update("Server Key").digest(),
  };
}
