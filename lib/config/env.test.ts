import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("applies defaults with an empty environment", () => {
    const cfg = parseConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.dataDir.endsWith(join(".coffer", "data"))).toBe(true);
    expect(cfg.COFFER_LOGIN_MAX_FAILURES).toBe(5);
  });

  it("names the variable of a bad value in one line", () => {
    const error = errorOf({ PORT: "eighty" });
    expect(error.variable).toBe("PORT");
    expect(error.message).toMatch(/^PORT: /);
    expect(error.message).not.toContain("\n");
  });

  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    expect(errorOf({ DATABASE_URL: "mysql://x" }).message).toBe("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });

  it("reads secret settings from their _FILE twin", () => {
    const dir = mkdtempSync(join(tmpdir(), "coffer-cfg-"));
    const file = join(dir, "auth");
    writeFileSync(file, "s".repeat(40) + "\n");
    expect(parseConfig({ AUTH_SECRET_FILE: file }).AUTH_SECRET).toBe("s".repeat(40));
  });

  it("refuses a _FILE twin that cannot be read, naming it", () => {
    expect(errorOf({ AUTH_SECRET_FILE: "/nonexistent/auth" }).variable).toBe("AUTH_SECRET_FILE");
  });

  it("refuses a variable set both directly and through its _FILE twin", () => {
    expect(errorOf({ AUTH_SECRET: "x".repeat(40), AUTH_SECRET_FILE: "/etc/hostname" }).variable).toBe("AUTH_SECRET_FILE");
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  // Regression: Auth.js redirected to http://0.0.0.0:…, the
  // listening address; the public URL is a setting now.
  it("defaults COFFER_PUBLIC_URL to localhost on PORT", () => {
    expect(parseConfig({}).COFFER_PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseConfig({ PORT: "8080", HOSTNAME: "0.0.0.0" }).COFFER_PUBLIC_URL).toBe("http://localhost:8080");
  });

  it("keeps COFFER_PUBLIC_URL as an origin", () => {
    expect(parseConfig({ COFFER_PUBLIC_URL: "https://Coffer.Example.com/" }).COFFER_PUBLIC_URL).toBe("https://coffer.example.com");
    expect(parseConfig({ COFFER_PUBLIC_URL: "https://coffer.example.com:443" }).COFFER_PUBLIC_URL).toBe("https://coffer.example.com");
    expect(parseConfig({ COFFER_PUBLIC_URL: "http://10.0.0.5:3000" }).COFFER_PUBLIC_URL).toBe("http://10.0.0.5:3000");
  });

  it.each([
    "coffer.example.com",
    "ftp://coffer.example.com",
    "https://coffer.example.com/coffer",
    "https://coffer.example.com/?x=1",
    "https://u:p@coffer.example.com",
    "javascript:alert(1)",
  ])("refuses COFFER_PUBLIC_URL=%s, naming it", (value) => {
    const error = errorOf({ COFFER_PUBLIC_URL: value });
    expect(error.variable).toBe("COFFER_PUBLIC_URL");
    expect(error.message).toBe("COFFER_PUBLIC_URL: must be an http:// or https:// URL with no path, query or credentials");
  });
});
