// Signed notes against the worked example of the C2SP signed-note spec
// (c2sp.org/signed-note, "Verifier keys" example) and Ed25519 seeds against
// RFC 8032 §7.1 test 1.
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeBase64, ed25519FromSeed, NoteError, openNote, parseVerifierKey, rawPublicKey, signNote, verifierKey } from "./signed-note";

const EXAMPLE_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const EXAMPLE_NOTE =
  "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

const other = generateKeyPairSync("ed25519");
const otherLine = (text: string) =>
  `\u2014 witness.example/w1 ${Buffer.concat([Buffer.alloc(4, 9), sign(null, Buffer.from(text), other.privateKey)]).toString("base64")}\n`;

describe("signed notes", () => {
  it("opens the spec's example with the spec's verifier key", () => {
    const verifier = parseVerifierKey(EXAMPLE_VKEY);
    expect(verifier.name).toBe("example.com/foo");
    expect(verifierKey(verifier.name, verifier.publicKey)).toBe(EXAMPLE_VKEY);
    expect(openNote(EXAMPLE_NOTE, verifier)).toBe("This is an example message.\n");
    expect(openNote(Buffer.from(EXAMPLE_NOTE, "utf8"), verifier)).toBe("This is an example message.\n");
  });

  it("skips signatures by other keys but needs one by the trusted key", () => {
    const verifier = parseVerifierKey(EXAMPLE_VKEY);
    const text = "This is an example message.\n";
    expect(openNote(EXAMPLE_NOTE + otherLine(text), verifier)).toBe(text);
    expect(openNote(`${text}\n${otherLine(text)}${EXAMPLE_NOTE.slice(text.length + 1)}`, verifier)).toBe(text);
    expect(() => openNote(`${text}\n${otherLine(text)}`, verifier)).toThrow(/not signed by example.com\/foo/);
    // Same name, other key ID: an unknown key, ignored, so nothing verifies.
    const renamed = { name: verifier.name, publicKey: rawPublicKey(other.publicKey) };
    expect(() => openNote(EXAMPLE_NOTE, renamed)).toThrow(NoteError);
  });

  it("rejects the whole note when the trusted key's signature is bad", () => {
    const verifier = parseVerifierKey(EXAMPLE_VKEY);
    expect(() => openNote(EXAMPLE_NOTE.replace("example message", "example massage"), verifier)).toThrow(/does not verify/);
    const sig = decodeBase64(EXAMPLE_NOTE.split(" ").at(-1)!.trim())!;
    sig[10]! ^= 1;
    expect(() => openNote(`This is an example message.\n\n\u2014 example.com/foo ${sig.toString("base64")}\n`, verifier)).toThrow(
      /does not verify/,
    );
  });

  it("rejects malformed notes", () => {
    const verifier = parseVerifierKey(EXAMPLE_VKEY);
    for (const bad of [
      EXAMPLE_NOTE.slice(0, -1), // no final newline
      EXAMPLE_NOTE.replace("\n\n", "\n"), // no blank line
      EXAMPLE_NOTE.replace("\u2014 ", "- "), // not an em dash
      EXAMPLE_NOTE.replace("message.", "message.\t"), // control character
      EXAMPLE_NOTE.replace("=\n", "\n"), // unpadded base64
      `${EXAMPLE_NOTE}\n`, // blank line after the signatures
      EXAMPLE_NOTE + "x".repeat(200 * 1024) + "\n",
    ]) {
      expect(() => openNote(bad, verifier), JSON.stringify(bad.slice(0, 80))).toThrow(NoteError);
    }
    const invalidUtf8 = Buffer.from(EXAMPLE_NOTE, "utf8");
    invalidUtf8[3] = 0xff;
    expect(() => openNote(invalidUtf8, verifier)).toThrow(/UTF-8/);
  });

  it("signs notes that open again, blank lines in the text included", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const verifier = { name: "coffer.test/log", publicKey: rawPublicKey(publicKey) };
    const text = "line one\n\nline three\n";
    const note = signNote(text, verifier.name, privateKey);
    expect(note.startsWith(`${text}\n\u2014 coffer.test/log `)).toBe(true);
    expect(openNote(note, verifier)).toBe(text);
    expect(() => signNote("no newline", verifier.name, privateKey)).toThrow(NoteError);
    expect(() => signNote(text, "has space", privateKey)).toThrow(NoteError);
    expect(() => signNote(text, "has+plus", privateKey)).toThrow(NoteError);
  });

  it("refuses verifier keys that are mangled", () => {
    expect(() => parseVerifierKey(EXAMPLE_VKEY.replace("530d903a", "530d903b"))).toThrow(/ID does not match/);
    expect(() => parseVerifierKey(EXAMPLE_VKEY.replace("+Aek", "+Aak"))).toThrow(NoteError);
    expect(() => parseVerifierKey("example.com/foo+530d903a")).toThrow(NoteError);
  });

  it("makes the RFC 8032 test 1 key pair from its seed", () => {
    const { privateKey, publicKey } = ed25519FromSeed(
      Buffer.from("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "hex"),
    );
    expect(rawPublicKey(publicKey).toString("hex")).toBe("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    expect(sign(null, Buffer.alloc(0), privateKey).toString("hex")).toBe(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
    expect(() => ed25519FromSeed(Buffer.alloc(31))).toThrow(RangeError);
  });

  it("decodes only canonical padded base64", () => {
    expect(decodeBase64("AAE=")).toEqual(Buffer.from([0, 1]));
    for (const bad of ["AAE", "AAF=", "AA E=", "AAE==", "A-E=", "AAE=\n"]) expect(decodeBase64(bad), bad).toBeNull();
  });
});
