import { describe, expect, it } from "vitest";
import { relyingPartyOf } from "./passkey-relying-party";

describe("the WebAuthn relying party of a public URL", () => {
  it("is the host name and the origin", () => {
    expect(relyingPartyOf("https://coffer.example.com")).toEqual({
      rpID: "coffer.example.com",
      origin: "https://coffer.example.com",
      rpName: "Coffer",
    });
    expect(relyingPartyOf("http://localhost:3212")).toEqual({ rpID: "localhost", origin: "http://localhost:3212", rpName: "Coffer" });
    expect(relyingPartyOf("https://coffer.example.com:8443")).toMatchObject({
      rpID: "coffer.example.com",
      origin: "https://coffer.example.com:8443",
    });
  });

  it("is none for an IP address, which browsers refuse as an RP ID", () => {
    for (const url of ["http://127.0.0.1:3210", "https://10.0.0.5", "http://[::1]:3000", "https://[2001:db8::1]"]) {
      expect(relyingPartyOf(url), url).toBeNull();
    }
  });
});
