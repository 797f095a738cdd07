import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config/env";

const SSO = {
  COFFER_OIDC_ISSUER: "https://id.example.com/realms/main",
  COFFER_OIDC_CLIENT_ID: "coffer",
  COFFER_OIDC_CLIENT_SECRET: "s3cret",
};

describe("SSO settings at start", () => {
  it("leaves SSO off and password sign-in on by default", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ COFFER_PASSWORD_LOGIN: "all", COFFER_OIDC_GROUPS_CLAIM: "groups", COFFER_OIDC_ALLOW_SIGNUP: false });
    expect(config.COFFER_OIDC_ISSUER).toBeUndefined();
  });

  it("refuses COFFER_PASSWORD_LOGIN=off without SSO, naming why", () => {
    expect(() => parseConfig({ COFFER_PASSWORD_LOGIN: "off" })).toThrow(ConfigError);
    expect(() => parseConfig({ COFFER_PASSWORD_LOGIN: "off" })).toThrow(/COFFER_PASSWORD_LOGIN: cannot be off without single sign-on/);
    expect(parseConfig({ COFFER_PASSWORD_LOGIN: "off", ...SSO }).COFFER_PASSWORD_LOGIN).toBe("off");
    expect(() => parseConfig({ COFFER_PASSWORD_LOGIN: "sometimes" })).toThrow(/COFFER_PASSWORD_LOGIN/);
  });

  it("refuses an issuer without its client id or secret", () => {
    expect(() => parseConfig({ ...SSO, COFFER_OIDC_CLIENT_ID: "" })).toThrow(/COFFER_OIDC_CLIENT_ID: is required/);
    expect(() => parseConfig({ ...SSO, COFFER_OIDC_CLIENT_SECRET: undefined })).toThrow(/COFFER_OIDC_CLIENT_SECRET: is required/);
    expect(() => parseConfig({ ...SSO, COFFER_OIDC_ISSUER: "ftp://id.example.com" })).toThrow(/COFFER_OIDC_ISSUER/);
  });

  it("reads the client secret from COFFER_OIDC_CLIENT_SECRET_FILE", () => {
    const file = join(mkdtempSync(join(tmpdir(), "coffer-oidc-")), "secret");
    writeFileSync(file, "from-a-file\n");
    const config = parseConfig({
      ...SSO,
      COFFER_OIDC_CLIENT_SECRET: undefined,
      COFFER_OIDC_CLIENT_SECRET_FILE: file,
      COFFER_OIDC_ALLOW_SIGNUP: "true",
    });
    expect(config).toMatchObject({ COFFER_OIDC_CLIENT_SECRET: "from-a-file", COFFER_OIDC_ALLOW_SIGNUP: true });
    expect(() => parseConfig({ ...SSO, COFFER_OIDC_CLIENT_SECRET_FILE: file })).toThrow(/cannot be set together/);
  });
});
