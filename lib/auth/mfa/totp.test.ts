import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUrl, timeStep, totp } from "./totp";

// RFC 6238 appendix B: 8-digit codes for the seeds "1234567890" repeated to the hash's size.
const seed = (bytes: number) => Buffer.from("1234567890".repeat(7).slice(0, bytes));
const vectors: [number, string, string, string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("RFC 6238 test vectors", () => {
  it.each(vectors)("at %i s", (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    expect(totp(seed(20), at, 8, "sha1")).toBe(sha1);
    expect(totp(seed(32), at, 8, "sha256")).toBe(sha256);
    expect(totp(seed(64), at, 8, "sha512")).toBe(sha512);
  });

  it("RFC 4226 appendix D: HOTP of the first counters", () => {
    const codes = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(codes.map((_, counter) => hotp(seed(20), counter))).toEqual(codes);
  });
});

describe("matchingStep", () => {
  const secret = seed(20);
  const at = new Date(1_800_000_015_000);
  const now = timeStep(at);

  it("accepts the current step and one either side", () => {
    expect(matchingStep(secret, hotp(secret, now), at)).toBe(now);
    expect(matchingStep(secret, hotp(secret, now - 1), at)).toBe(now - 1);
    expect(matchingStep(secret, hotp(secret, now + 1), at)).toBe(now + 1);
  });

  it("refuses codes two steps away, of another secret, or not six digits", () => {
    expect(matchingStep(secret, hotp(secret, now - 2), at)).toBeNull();
    expect(matchingStep(secret, hotp(secret, now + 2), at)).toBeNull();
    expect(matchingStep(seed(32), hotp(secret, now), at)).toBeNull();
    expect(matchingStep(secret, "12345", at)).toBeNull();
    expect(matchingStep(secret, "１２３４５６", at)).toBeNull();
  });
});

describe("base32 and the otpauth URL", () => {
  it("round-trips and matches RFC 4648's vector", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI======").toString()).toBe("foobar");
    const bytes = Buffer.from([0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(() => base32Decode("MZ1")).toThrow();
  });

  it("names the issuer and account", () => {
    expect(otpauthUrl("Coffer", "a@b.example", "ABC")).toBe(
      "otpauth://totp/Coffer:a%40b.example?secret=ABC&issuer=Coffer&algorithm=SHA1&digits=6&period=30",
    );
  });
});
