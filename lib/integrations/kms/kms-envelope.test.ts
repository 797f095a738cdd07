import { describe, expect, it } from "vitest";
import { createKeyring, LocalKeyProvider } from "../../crypto";
import { KmsRefusal, openForKms, sealForKms } from "./kms-envelope";

const keyring = createKeyring([new LocalKeyProvider("k2", Buffer.alloc(32, 2)), new LocalKeyProvider("k1", Buffer.alloc(32, 1))]);
const owner = { namespaceId: "ns_a", id: "int_a" };
const seed = Buffer.from("CANARY-seed-for-the-envelope-test");

async function refusalOf(promise: Promise<unknown>): Promise<KmsRefusal> {
  const error = await promise.then(
    () => null,
    (failed: unknown) => failed,
  );
  expect(error).toBeInstanceOf(KmsRefusal);
  return error as KmsRefusal;
}

describe("the KMS v2 envelope", () => {
  it("seals with the primary and opens with the key id it names", async () => {
    const { ciphertext, keyId } = await sealForKms(keyring, owner, Buffer.from(seed));
    expect(keyId).toBe("k2");
    expect(ciphertext[0]).toBe(1);
    expect((await openForKms(keyring, owner, ciphertext, keyId)).equals(seed)).toBe(true);
  });

  it("binds the ciphertext to its integration and key id", async () => {
    const { ciphertext } = await sealForKms(keyring, owner, Buffer.from(seed));
    for (const [other, keyId] of [
      [{ namespaceId: "ns_a", id: "int_b" }, "k2"],
      [{ namespaceId: "ns_b", id: "int_a" }, "k2"],
      [owner, "k1"],
    ] as const) {
      const refusal = await refusalOf(openForKms(keyring, other, ciphertext, keyId));
      expect(refusal.reason).toBe("integrity");
      expect(refusal.message).not.toContain("CANARY");
    }
  });

  it("names an unknown key id and an unknown format without trying them", async () => {
    const { ciphertext } = await sealForKms(keyring, owner, Buffer.from(seed));
    expect((await refusalOf(openForKms(keyring, owner, ciphertext, "k9"))).reason).toBe("unknown_key");
    const future = Buffer.from(ciphertext);
    future[0] = 2;
    expect((await refusalOf(openForKms(keyring, owner, future, "k2"))).reason).toBe("integrity");
  });
});
