// C2SP signed notes (c2sp.org/signed-note) with Ed25519, signature type
// 0x01: the envelope of a checkpoint. Kept to the spec so any note tool
// (Go's golang.org/x/mod/sumdb/note, the witness network) can check ours.
import { createPrivateKey, createPublicKey, hash, sign, verify, type KeyObject } from "node:crypto";

export class NoteError extends Error {
  override name = "NoteError";
}

/** A trusted key: the name and raw 32-byte Ed25519 public key a signature line must match. */
export type NoteVerifier = { readonly name: string; readonly publicKey: Buffer };

const ED25519 = 0x01;
const SIGNATURE_BYTES = 64;
const EM_DASH = "\u2014";
// The spec asks verifiers to bound notes but accept at least 16 signatures,
// which may be post-quantum ones of about 5 kB each.
const MAX_NOTE_BYTES = 128 * 1024;
const MAX_SIGNATURES = 64;

/** Key names must be non-empty, without Unicode spaces or "+" (the vkey separator). */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !hasControl(name);
}

/** key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]: names the key in a signature line. */
export function noteKeyId(name: string, publicKey: Uint8Array): Buffer {
  return hash("sha256", Buffer.concat([Buffer.from(`${name}\n`, "utf8"), Buffer.from([ED25519]), publicKey]), "buffer").subarray(0, 4);
}

/** The verifier key text: `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`, one line a user can copy. */
export function verifierKey(name: string, publicKey: Uint8Array): string {
  checkKey(name, publicKey);
  return `${name}+${noteKeyId(name, publicKey).toString("hex")}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString("base64")}`;
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  // Split at the first two "+" only: names cannot hold one, but base64 can.
  const match = /^([^+]+)\+([^+]*)\+(.*)$/s.exec(vkey.trim());
  if (!match) throw new NoteError("a verifier key is <name>+<key ID>+<key>");
  const [, name, id, key] = match as unknown as [string, string, string, string];
  const material = decodeBase64(key);
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(id) || !material || material.length !== 1 + 32 || material[0] !== ED25519) {
    throw new NoteError("not an Ed25519 verifier key");
  }
  const publicKey = material.subarray(1);
  // The ID is redundant with name and key; a mismatch means a mangled copy.
  if (noteKeyId(name, publicKey).toString("hex") !== id) throw new NoteError("the verifier key's ID does not match its key");
  return { name, publicKey };
}

/** Ed25519 key pair from a 32-byte RFC 8032 seed (node:crypto has no raw-seed import, so PKCS#8 it). */
export function ed25519FromSeed(seed: Uint8Array): { privateKey: KeyObject; publicKey: KeyObject } {
  if (seed.length !== 32) throw new RangeError("an Ed25519 seed is 32 bytes");
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]);
  try {
    const privateKey = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } finally {
    der.fill(0);
  }
}

/** The raw 32-byte public key of an Ed25519 key object (public or private). */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== "ed25519") throw new TypeError("not an Ed25519 key");
  return Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
}

/** Ed25519 public key object from its raw 32 bytes. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new NoteError("an Ed25519 public key is 32 bytes");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

/** Text (ending in a newline), a blank line, then `— <name> base64(key ID ‖ signature)`. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  checkText(text);
  const publicKey = rawPublicKey(privateKey);
  checkKey(name, publicKey);
  const signature = sign(null, Buffer.from(text, "utf8"), privateKey);
  return `${text}\n${EM_DASH} ${name} ${Buffer.concat([noteKeyId(name, publicKey), signature]).toString("base64")}\n`;
}

/**
 * The text of a note that carries a valid signature by `verifier`, per the
 * spec: signatures by other keys (say, a witness's cosignature) are
 * skipped, but a bad one by the trusted key rejects the whole note.
 */
export function openNote(note: string | Uint8Array, verifier: NoteVerifier): string {
  const body = decodeNote(note);
  if (Buffer.byteLength(body, "utf8") > MAX_NOTE_BYTES) throw new NoteError("the note is too large");
  if (hasControl(body.replaceAll("\n", ""))) throw new NoteError("the note contains control characters");
  if (!body.endsWith("\n")) throw new NoteError("the note does not end with a newline");
  // The last blank line separates text from signatures; the text may hold blank lines of its own.
  const split = body.lastIndexOf("\n\n");
  if (split < 0) throw new NoteError("the note has no signatures");
  const text = body.slice(0, split + 1);
  const lines = body.slice(split + 2, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new NoteError("the note has too many signatures");
  const wantId = noteKeyId(verifier.name, verifier.publicKey);
  let verified = false;
  for (const line of lines) {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const bytes = match && decodeBase64(match[2]!);
    if (!match || !bytes || bytes.length < 5 || !isKeyName(match[1]!)) throw new NoteError("malformed signature line");
    if (match[1] !== verifier.name || !bytes.subarray(0, 4).equals(wantId)) continue;
    const signature = bytes.subarray(4);
    if (signature.length !== SIGNATURE_BYTES || !verify(null, Buffer.from(text, "utf8"), publicKeyFromRaw(verifier.publicKey), signature)) {
      throw new NoteError(`the signature by ${verifier.name} does not verify`);
    }
    verified = true;
  }
  if (!verified) throw new NoteError(`the note is not signed by ${verifier.name}`);
  return text;
}

/** Standard padded base64 only, and only its canonical spelling, so a note has one byte form. */
export function decodeBase64(text: string): Buffer | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : null;
}

/** A note as text; bytes must be valid UTF-8, as the spec requires (a BOM is kept, and so breaks the signature). */
export function decodeNote(note: string | Uint8Array): string {
  if (typeof note === "string") return note;
  const bytes = note;
  if (bytes.length > MAX_NOTE_BYTES) throw new NoteError("the note is too large");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NoteError("the note is not valid UTF-8");
  }
}

function hasControl(text: string): boolean {
  return /[\u0000-\u001f]/.test(text);
}

function checkText(text: string): void {
  if (!text.endsWith("\n") || hasControl(text.replaceAll("\n", "")))
    throw new NoteError("note text must end with a newline and hold no control characters");
}

function checkKey(name: string, publicKey: Uint8Array): void {
  if (!isKeyName(name)) throw new NoteError(`"${name}" is not a valid key name`);
  if (publicKey.length !== 32) throw new NoteError("an Ed25519 public key is 32 bytes");
}
