import { describe, expect, it } from "vitest";
import { CliError, UsageError } from "../errors";
import { runCli } from "../test-support/run-cli";
import { revealOutput, revealTarget, versionQuery } from "./reveal";

const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const revealed = (data: Record<string, string>) => ({ name: "db", namespace: "prod", version: 2, data });

describe("coffer secret reveal", () => {
  it("reads NAMESPACE/SECRET, or a bare name in --namespace", () => {
    expect(revealTarget("prod/db_password", "default", false)).toEqual({ namespace: "prod", name: "db_password" });
    expect(revealTarget("db_password", "staging", true)).toEqual({ namespace: "staging", name: "db_password" });
    expect(() => revealTarget("prod/db", "dev", true)).toThrow(UsageError);
    expect(() => revealTarget("/db", "default", false)).toThrow("expected NAMESPACE/SECRET or SECRET");
    expect(() => revealTarget("prod/", "default", false)).toThrow(UsageError);
  });

  it("takes a version number only", () => {
    expect(versionQuery(undefined)).toEqual([]);
    expect(versionQuery("3")).toEqual([["version", "3"]]);
    for (const bad of ["0", "-1", "two", "1.5"]) expect(() => versionQuery(bad)).toThrow(`invalid argument "${bad}" for "--version"`);
  });

  it("prints a one-key secret's bytes as stored, and --key picks one of several", () => {
    const binary = Buffer.from([0x00, 0xff, 0x0a]);
    expect(revealOutput(revealed({ value: b64(binary) }), undefined)).toEqual(binary);
    const tls = revealed({ "tls.crt": b64("CERT\n"), "tls.key": b64("KEY\n") });
    expect(revealOutput(tls, "tls.key")).toEqual(Buffer.from("KEY\n"));
    expect(() => revealOutput(tls, "ca.crt")).toThrow('secret db has no key "ca.crt" (its keys: tls.crt, tls.key)');
  });

  it("prints several keys as a JSON object, and sends a binary one to --key", () => {
    expect(revealOutput(revealed({ user: b64("ada"), password: b64("pw") }), undefined)).toBe(
      '{\n  "password": "pw",\n  "user": "ada"\n}\n',
    );
    const error = (() => {
      try {
        revealOutput(revealed({ text: b64("x"), blob: b64(Buffer.from([0xc3, 0x28])) }), undefined);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe('the value of key "blob" is not text: print it alone with --key blob');
  });

  it("has help that names the approval flags", async () => {
    const { stdout } = await runCli(["secret", "reveal", "--help"]);
    expect(stdout).toContain("Usage:  coffer secret reveal [OPTIONS] [NAMESPACE/]SECRET\n\nPrint a secret's value\n");
    expect(stdout).toContain("--reason");
    expect((await runCli(["secret", "--help"])).stdout).toMatch(/\n {2}reveal +Print a secret's value\n/);
  });
});
