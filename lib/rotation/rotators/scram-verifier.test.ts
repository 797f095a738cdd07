import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scramKeys, scramVerifier } from "./scram-verifier";

// RFC 7677 §3: the SCRAM-SHA-256 exchange for user "user", password "pencil".
const RFC = {
  password: "pencil",
  salt: Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64"),
  iterations: 4096,
  authMessage: [
    "n=user,r=rOprNGfwEbeRWgbNEkqO",
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
  ].join(","),
  clientProof: Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64"),
  serverSignature: Buffer.from("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", "base64"),
};

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();

describe("scramVerifier", () => {
  it("holds the keys that verify RFC 7677's exchange, as a server would", () => {
    const { storedKey, serverKey } = scramKeys(RFC.password, RFC.salt, RFC.iterations);
    // The server's check of the client's proof: ClientKey = proof XOR HMAC(StoredKey, AuthMessage), H(ClientKey) = StoredKey.
    const signature = hmac(storedKey, RFC.authMessage);
    const clientKey = Buffer.from(RFC.clientProof.map((byte, i) => byte ^ signature[i]!));
    expect(createHash("sha256").update(clientKey).digest().equals(storedKey)).toBe(true);
    expect(hmac(serverKey, RFC.authMessage).equals(RFC.serverSignature)).toBe(true);
  });

  it("is written in PostgreSQL's stored form", () => {
    const verifier = scramVerifier(RFC.password, RFC.salt);
    const { storedKey, serverKey } = scramKeys(RFC.password, RFC.salt, 4096);
    expect(verifier).toBe(`SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$${storedKey.toString("base64")}:${serverKey.toString("base64")}`);
    expect(verifier).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}$/);
  });

  it("draws a fresh salt each time and never contains the password", () => {
    const password = "Sup3r-secret'pass%word";
    const a = scramVerifier(password);
    const b = scramVerifier(password);
    expect(a).not.toBe(b);
    expect(a).not.toContain(password);
    expect(a).not.toContain("'");
  });

  it("refuses what SASLprep would change (non-ASCII, control characters) instead of storing a verifier the server would not match", () => {
    expect(() => scramVerifier("pässword")).toThrow(/printable ASCII/);
    expect(() => scramVerifier("tab\there")).toThrow(/printable ASCII/);
    expect(() => scramVerifier("")).toThrow(/printable ASCII/);
  });
});
