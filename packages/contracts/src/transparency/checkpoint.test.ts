// Checkpoints: the exact text, signing and verifying with the derived key,
// and that any change to a signed checkpoint, or another key, is refused.
import { createHmac, generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AUDIT_KEY_INFO,
  auditSigningKey,
  CheckpointError,
  checkpointText,
  parseCheckpointText,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
} from "./checkpoint";
import { emptyRoot } from "./merkle";
import { ed25519FromSeed, parseVerifierKey, rawPublicKey } from "./signed-note";

const ORIGIN = "coffer.test/audit";
const KEY = auditSigningKey(Buffer.alloc(32, 7), ORIGIN);
// RFC 6962 test data: the root of its 8 leaves.
const ROOT8 = Buffer.from("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", "hex");
const CHECKPOINT: Checkpoint = { origin: ORIGIN, size: 8, rootHash: ROOT8, time: new Date("2026-12-01T22:00:00.000Z") };

describe("checkpoint text", () => {
  it("is origin, size, base64 root and time, one a line", () => {
    expect(checkpointText(CHECKPOINT)).toBe(`${ORIGIN}\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntime 2026-12-01T22:00:00.000Z\n`);
    expect(parseCheckpointText(checkpointText(CHECKPOINT))).toEqual(CHECKPOINT);
    const empty = { ...CHECKPOINT, size: 0, rootHash: emptyRoot() };
    expect(parseCheckpointText(checkpointText(empty))).toEqual(empty);
  });

  it("parses only the canonical spelling", () => {
    const good = checkpointText(CHECKPOINT);
    for (const bad of [
      good.replace("\n8\n", "\n08\n"),
      good.replace("\n8\n", "\n-8\n"),
      good.replace("\n8\n", "\n8.0\n"),
      good.replace("\n8\n", "\n9007199254740993\n"),
      good.replace("yg=\n", "yh=\n"), // non-canonical trailing bits
      good.replace("Xcnae", "Xcna"), // 31 bytes… or no base64 at all
      good.replace("time 2026-12-01T22:00:00.000Z\n", ""),
      good.replace("2026-12-01T22:00:00.000Z", "2026-02-30T22:00:00.000Z"),
      good.replace("2026-12-01T22:00:00.000Z", "2026-12-01T22:00:00Z"),
      `${good}extra\n`,
      good.slice(0, -1),
      good.replace(ORIGIN, "coffer test"),
    ]) {
      expect(() => parseCheckpointText(bad), JSON.stringify(bad)).toThrow(CheckpointError);
    }
  });

  it("refuses to write what would not parse back", () => {
    for (const origin of ["", "a\nb", "a+b", "a b"]) expect(() => checkpointText({ ...CHECKPOINT, origin })).toThrow(CheckpointError);
    expect(() => checkpointText({ ...CHECKPOINT, size: -1 })).toThrow(CheckpointError);
    expect(() => checkpointText({ ...CHECKPOINT, rootHash: Buffer.alloc(31) })).toThrow(CheckpointError);
    expect(() => checkpointText({ ...CHECKPOINT, time: new Date(NaN) })).toThrow(CheckpointError);
  });
});

describe("signed checkpoints", () => {
  const note = signCheckpoint(CHECKPOINT, KEY.privateKey);

  it("are a C2SP signed note under the origin's name", () => {
    const [text, signatures] = note.split("\n\n") as [string, string];
    expect(`${text}\n`).toBe(checkpointText(CHECKPOINT));
    const match = /^\u2014 coffer\.test\/audit ([A-Za-z0-9+/=]+)\n$/u.exec(signatures);
    expect(match).not.toBeNull();
    const bytes = Buffer.from(match![1]!, "base64");
    expect(bytes.length).toBe(4 + 64);
    expect(bytes.subarray(0, 4).toString("hex")).toBe(KEY.keyId);
  });

  it("verify with the public key in every published form", () => {
    for (const publicKey of [
      KEY.publicKey,
      KEY.publicKeyPem,
      KEY.publicKeyBase64,
      Buffer.from(KEY.publicKeyBase64, "base64"),
      KEY.verifierKey,
    ]) {
      expect(verifyCheckpoint(note, publicKey)).toEqual(CHECKPOINT);
    }
    expect(verifyCheckpoint(Buffer.from(note), KEY.publicKeyPem, ORIGIN)).toEqual(CHECKPOINT);
  });

  it("still verify with a witness's cosignature added", () => {
    const witness = generateKeyPairSync("ed25519");
    const cosigned = note + `\u2014 witness.example/w ${Buffer.alloc(68, 1).toString("base64")}\n`;
    expect(verifyCheckpoint(cosigned, KEY.publicKeyPem)).toEqual(CHECKPOINT);
    expect(() => verifyCheckpoint(cosigned, witness.publicKey)).toThrow(CheckpointError);
  });

  it("fail with another key, another log's name, or no usable key", () => {
    const otherKey = auditSigningKey(Buffer.alloc(32, 8), ORIGIN);
    expect(() => verifyCheckpoint(note, otherKey.publicKeyPem)).toThrow(/not signed by/);
    expect(() => verifyCheckpoint(signCheckpoint(CHECKPOINT, otherKey.privateKey), KEY.publicKey)).toThrow(CheckpointError);
    expect(() => verifyCheckpoint(note, KEY.publicKeyPem, "coffer.test/other")).toThrow(/not "coffer.test\/other"/);
    expect(() => verifyCheckpoint(note, auditSigningKey(Buffer.alloc(32, 7), "coffer.test/other").verifierKey)).toThrow(CheckpointError);
    for (const junk of ["", "not a key", Buffer.alloc(31), generateKeyPairSync("x25519").publicKey]) {
      expect(() => verifyCheckpoint(note, junk)).toThrow(CheckpointError);
    }
  });

  it("fail when any one byte is changed, wherever it is", () => {
    const bytes = Buffer.from(note, "utf8");
    // Every position, with a low-bit, a high-bit and a random change.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 255 }), (random) => {
        for (let at = 0; at < bytes.length; at++) {
          for (const delta of [1, 128, random]) {
            const changed = Buffer.from(bytes);
            changed[at] = (changed[at]! + delta) % 256;
            expect(() => verifyCheckpoint(changed, KEY.publicKey), `byte ${at} + ${delta}`).toThrow(CheckpointError);
          }
        }
      }),
      { numRuns: 5 },
    );
  });

  it("fail for any other checkpoint under the same signature", () => {
    const signature = note.slice(checkpointText(CHECKPOINT).length);
    for (const forged of [
      { ...CHECKPOINT, size: 7 },
      { ...CHECKPOINT, rootHash: emptyRoot() },
      { ...CHECKPOINT, time: new Date(0) },
    ]) {
      expect(() => verifyCheckpoint(checkpointText(forged) + signature, KEY.publicKey)).toThrow(/does not verify/);
    }
  });
});

describe("auditSigningKey", () => {
  it("is HKDF-SHA256(key, empty salt, info) as an Ed25519 seed", () => {
    const material = Buffer.alloc(32, 7);
    // RFC 5869 by hand: an empty salt is HashLen zeros; 32 bytes is the single block T(1).
    const prk = createHmac("sha256", Buffer.alloc(32)).update(material).digest();
    const seed = createHmac("sha256", prk)
      .update(Buffer.concat([Buffer.from(AUDIT_KEY_INFO), Buffer.from([1])]))
      .digest();
    expect(KEY.publicKeyBase64).toBe(rawPublicKey(ed25519FromSeed(seed).publicKey).toString("base64"));
    // Pinned, so a change to the derivation (which would orphan every signed checkpoint) cannot pass unnoticed.
    expect(KEY.publicKeyBase64).toBe("lgtFZED5hxQPbY36ikXzit5jVBfYN1MWMNCykxRRBXo=");
    expect(KEY.verifierKey).toBe("coffer.test/audit+6e47bcce+AZYLRWRA+YcUD22N+opF84reY1QX2DdTFjDQspMUUQV6");
    expect(parseVerifierKey(KEY.verifierKey).publicKey.toString("base64")).toBe(KEY.publicKeyBase64);
    expect(KEY.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
  });

  it("is the same key for the same material, whatever the name, and another for other material", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (a, b) => {
        const first = auditSigningKey(Buffer.from(a), ORIGIN);
        expect(auditSigningKey(Buffer.from(a), "coffer.test/renamed").publicKeyBase64).toBe(first.publicKeyBase64);
        expect(signCheckpoint(CHECKPOINT, auditSigningKey(Buffer.from(a), ORIGIN).privateKey)).toBe(
          signCheckpoint(CHECKPOINT, first.privateKey),
        );
        if (!Buffer.from(a).equals(Buffer.from(b)))
          expect(auditSigningKey(Buffer.from(b), ORIGIN).publicKeyBase64).not.toBe(first.publicKeyBase64);
      }),
      { numRuns: 100 },
    );
  });

  it("needs 32 bytes of key material and a valid name", () => {
    expect(() => auditSigningKey(Buffer.alloc(31), ORIGIN)).toThrow(RangeError);
    expect(() => auditSigningKey(Buffer.alloc(32), "has space")).toThrow(CheckpointError);
  });
});
