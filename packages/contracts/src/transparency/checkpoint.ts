// Signed tree heads in the C2SP tlog-checkpoint form (c2sp.org/tlog-checkpoint):
//
//   <origin>\n<tree size>\n<base64 root hash>\ntime <ISO 8601 UTC>\n
//   \n
//   — <origin> base64(key ID ‖ Ed25519 signature)\n
//
// The time is an extension line, which the spec allows (opaque to other
// tools) and the signature covers; Coffer needs it to show when a head was
// sealed. The signing key is derived from keyring key material, so every
// node signs with the same key and the database never holds it (DESIGN 10).
import { createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import { HASH_BYTES } from "./merkle";
import {
  decodeBase64,
  decodeNote,
  ed25519FromSeed,
  isKeyName,
  noteKeyId,
  NoteError,
  openNote,
  parseVerifierKey,
  publicKeyFromRaw,
  rawPublicKey,
  signNote,
  verifierKey,
} from "./signed-note";

export type Checkpoint = {
  /** The log's identity, e.g. "coffer.example.com/audit"; also the signing key's name. */
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Buffer;
  readonly time: Date;
};

export class CheckpointError extends Error {
  override name = "CheckpointError";
}

/** HKDF info: a new version here is a new key, on purpose. */
export const AUDIT_KEY_INFO = "coffer audit checkpoint v1";

/** The note text of a checkpoint; throws on values that would not parse back to themselves. */
export function checkpointText(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, time } = checkpoint;
  if (!isKeyName(origin)) throw new CheckpointError(`origin "${origin}" must be non-empty, without spaces or "+"`);
  if (!Number.isSafeInteger(size) || size < 0) throw new CheckpointError(`bad tree size ${size}`);
  if (rootHash.length !== HASH_BYTES) throw new CheckpointError(`a root hash is ${HASH_BYTES} bytes`);
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) throw new CheckpointError("bad checkpoint time");
  return `${origin}\n${size}\n${Buffer.from(rootHash).toString("base64")}\ntime ${time.toISOString()}\n`;
}

/**
 * Parses note text strictly: exactly the four lines checkpointText writes,
 * in their one canonical spelling (no leading zeros, canonical base64), so
 * two different texts never mean the same checkpoint.
 */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split("\n");
  if (lines.length !== 5 || lines[4] !== "") throw new CheckpointError("a checkpoint is four lines: origin, size, root hash, time");
  const [origin, sizeLine, rootLine, timeLine] = lines as [string, string, string, string];
  if (!isKeyName(origin)) throw new CheckpointError("bad origin line");
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) throw new CheckpointError("bad tree size line");
  const rootHash = decodeBase64(rootLine);
  if (!rootHash || rootHash.length !== HASH_BYTES) throw new CheckpointError("bad root hash line");
  const iso = /^time (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(timeLine);
  const time = new Date(iso ? iso[1]! : NaN);
  // The round trip refuses dates like 2026-02-30 that Date would roll over.
  if (!iso || Number.isNaN(time.getTime()) || time.toISOString() !== iso[1]) throw new CheckpointError("bad time line");
  return { origin, size: Number(sizeLine), rootHash, time };
}

/** The signed note; the key's name is the origin, as the spec recommends. */
export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject): string {
  return signNote(checkpointText(checkpoint), checkpoint.origin, privateKey);
}

/** Anything that names the log's public key: a KeyObject, SPKI PEM, a verifier key line, or the raw key (bytes or base64). */
export type PublicKeyInput = KeyObject | string | Uint8Array;

/**
 * The checkpoint in `note` if it carries a valid signature by `publicKey`
 * under its origin's name; throws CheckpointError naming the first
 * problem otherwise. Pass `origin` to also pin which log it must be from.
 */
export function verifyCheckpoint(note: string | Uint8Array, publicKey: PublicKeyInput, origin?: string): Checkpoint {
  const body = asCheckpointError(() => decodeNote(note));
  // The key name is the origin, the note's first line: read it to know which signature line to check.
  const key = toVerifier(publicKey, body.slice(0, Math.max(body.indexOf("\n"), 0)));
  if (origin !== undefined && key.name !== origin) throw new CheckpointError(`the checkpoint is for "${key.name}", not "${origin}"`);
  const text = asCheckpointError(() => openNote(body, key));
  const checkpoint = parseCheckpointText(text);
  if (checkpoint.origin !== key.name) throw new CheckpointError(`the checkpoint's origin is not "${key.name}"`);
  return checkpoint;
}

function asCheckpointError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NoteError) throw new CheckpointError(error.message);
    throw error;
  }
}

function toVerifier(input: PublicKeyInput, name: string): { name: string; publicKey: Buffer } {
  try {
    if (typeof input !== "string") {
      const key = input instanceof Uint8Array ? publicKeyFromRaw(input) : input;
      return { name, publicKey: rawPublicKey(key) };
    }
    const text = input.trim();
    if (text.startsWith("-----BEGIN")) return { name, publicKey: rawPublicKey(createPublicKey(text)) };
    // A raw key is 44 base64 characters; a verifier key is longer and carries its own name.
    const raw = text.length === 44 ? decodeBase64(text) : null;
    if (raw) return { name, publicKey: rawPublicKey(publicKeyFromRaw(raw)) };
    return parseVerifierKey(text);
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw new CheckpointError(`unusable public key: ${(error as Error).message}`);
  }
}

export type AuditSigningKey = {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SPKI PEM, for `GET /api/v1/audit/public-key` and `--public-key FILE`. */
  readonly publicKeyPem: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  readonly publicKeyBase64: string;
  /** The signed-note key ID, hex. */
  readonly keyId: string;
  /** `<name>+<key ID>+<key>`: the form note tools and witnesses configure. */
  readonly verifierKey: string;
};

/**
 * The checkpoint key derived from a 32-byte keyring key:
 * seed = HKDF-SHA256(ikm = key, salt = empty, info = AUDIT_KEY_INFO, 32 bytes),
 * used as an RFC 8032 Ed25519 seed. Deterministic, so every node derives
 * the same key and it never has to be stored. The name (the log's origin)
 * labels the key and does not change it.
 */
export function auditSigningKey(keyMaterial: Buffer, name: string): AuditSigningKey {
  if (keyMaterial.length !== 32) throw new RangeError("the audit signing key is derived from a 32-byte key");
  if (!isKeyName(name)) throw new CheckpointError(`key name "${name}" must be non-empty, without spaces or "+"`);
  const seed = Buffer.from(hkdfSync("sha256", keyMaterial, Buffer.alloc(0), AUDIT_KEY_INFO, 32));
  try {
    const { privateKey, publicKey } = ed25519FromSeed(seed);
    const raw = rawPublicKey(publicKey);
    return {
      name,
      privateKey,
      publicKey,
      publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
      publicKeyBase64: raw.toString("base64"),
      keyId: noteKeyId(name, raw).toString("hex"),
      verifierKey: verifierKey(name, raw),
    };
  } finally {
    seed.fill(0);
  }
}
