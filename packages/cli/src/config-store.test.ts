import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configDir, normalizeServer, readConfig, resolveCredentials, writeConfig } from "./config-store";
import { CliError } from "./errors";

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "coffer-cli-config-"));
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe("configDir", () => {
  it("uses COFFER_CONFIG_DIR, then $XDG_CONFIG_HOME/coffer, then ~/.config/coffer", () => {
    expect(configDir({ COFFER_CONFIG_DIR: "/a", XDG_CONFIG_HOME: "/b", HOME: "/h" })).toBe("/a");
    expect(configDir({ XDG_CONFIG_HOME: "/b", HOME: "/h" })).toBe("/b/coffer");
    expect(configDir({ HOME: "/h" })).toBe("/h/.config/coffer");
  });
});

describe("writeConfig", () => {
  it("creates the directory 0700 and the file 0600, and leaves no temp file", async () => {
    const env = { XDG_CONFIG_HOME: join(home, "xdg") };
    const path = await writeConfig(env, { server: "https://c.example", token: "cfp_abc" });
    expect(path).toBe(join(home, "xdg", "coffer", "config.json"));
    expect((await stat(join(home, "xdg", "coffer"))).mode & 0o777).toBe(0o700);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(home, "xdg", "coffer"))).toEqual(["config.json"]);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ server: "https://c.example", token: "cfp_abc" });
  });

  it("replaces an existing file, still 0600", async () => {
    const env = { COFFER_CONFIG_DIR: join(home, "c") };
    await writeConfig(env, { server: "https://a.example", token: "one" });
    const path = await writeConfig(env, { server: "https://a.example" });
    expect(await readConfig(env)).toEqual({ server: "https://a.example", token: undefined });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe("readConfig", () => {
  it("is empty when nothing is stored", async () => {
    expect(await readConfig({ COFFER_CONFIG_DIR: join(home, "none") })).toEqual({});
  });
});

describe("resolveCredentials", () => {
  const stored = { server: "https://coffer.example", token: "cfp_stored" };

  it("uses the stored login without environment", () => {
    expect(resolveCredentials({}, stored)).toEqual(stored);
  });

  it("lets COFFER_SERVER and COFFER_TOKEN override it (CI)", () => {
    expect(resolveCredentials({ COFFER_SERVER: "https://ci.example/", COFFER_TOKEN: "cfp_ci" }, stored)).toEqual({
      server: "https://ci.example",
      token: "cfp_ci",
    });
    expect(resolveCredentials({ COFFER_TOKEN: "cfp_ci" }, stored)).toEqual({ server: stored.server, token: "cfp_ci" });
  });

  it("never sends the stored token to another server named by COFFER_SERVER", () => {
    expect(resolveCredentials({ COFFER_SERVER: "https://elsewhere.example" }, stored)).toEqual({
      server: "https://elsewhere.example",
      token: undefined,
    });
  });
});

describe("normalizeServer", () => {
  it("keeps scheme, host, port and path prefix, without trailing slash", () => {
    expect(normalizeServer("https://coffer.example:8443/")).toBe("https://coffer.example:8443");
    expect(normalizeServer("http://127.0.0.1:3000/coffer/")).toBe("http://127.0.0.1:3000/coffer");
  });

  it("refuses what is not an http(s) URL, and credentials without echoing them", () => {
    expect(() => normalizeServer("coffer.example")).toThrow(CliError);
    expect(() => normalizeServer("ftp://coffer.example")).toThrow("must start with http:// or https://");
    expect(() => normalizeServer("https://me:hunter2@coffer.example")).toThrow(/^invalid server URL https:\/\/coffer\.example:/);
  });
});
