import { describe, expect, it } from "vitest";
import { authenticationOptionsFor, registrationOptionsFor, webauthnChallengeHash } from "./passkey-options";

const rp = { rpID: "coffer.example.com", origin: "https://coffer.example.com", rpName: "Coffer" };
const user = { id: "usr_1", email: "ada@example.com", name: "Ada" };
// base64url of the bytes 1, 2, 3
const credential = { id: "AQID", transports: ["internal", "hybrid", "carrier-pigeon"] };

describe("registration options", () => {
  it("name the RP and the user, ask no attestation, prefer user verification and a resident key", async () => {
    const options = await registrationOptionsFor(rp, user, []);
    expect(options).toMatchObject({
      rp: { id: "coffer.example.com", name: "Coffer" },
      user: { name: "ada@example.com", displayName: "Ada" },
      attestation: "none",
      excludeCredentials: [],
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
      timeout: 300_000,
    });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("exclude the user's passkeys, with the transports WebAuthn knows", async () => {
    const options = await registrationOptionsFor(rp, user, [credential]);
    expect(options.excludeCredentials).toEqual([{ id: "AQID", type: "public-key", transports: ["internal", "hybrid"] }]);
  });

  it("carry a fresh challenge each time", async () => {
    const [a, b] = await Promise.all([registrationOptionsFor(rp, user, []), registrationOptionsFor(rp, user, [])]);
    expect(a.challenge).not.toBe(b.challenge);
  });
});

describe("authentication options", () => {
  it("allow exactly the given passkeys for this RP", async () => {
    const options = await authenticationOptionsFor(rp, [credential]);
    expect(options).toMatchObject({
      rpId: "coffer.example.com",
      userVerification: "preferred",
      allowCredentials: [{ id: "AQID", type: "public-key", transports: ["internal", "hybrid"] }],
    });
  });
});

describe("the stored form of a challenge", () => {
  it("is its SHA-256, never the challenge", () => {
    expect(webauthnChallengeHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
