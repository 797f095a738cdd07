import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StartupError } from "../errors";
import { describeDatabaseUrl, preflight } from "./preflight";

async function startupError(env: Record<string, string>): Promise<StartupError> {
  const error = await preflight(env).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof StartupError)) throw new Error(`expected a StartupError, got ${String(error)}`);
  return error;
}

describe("preflight", () => {
  it("stops on an unreachable DATABASE_URL with one line that hides the password", async () => {
    const error = await startupError({ DATABASE_URL: "postgres://coffer:hunter2-CANARY@127.0.0.1:1/coffer" });
    expect(error.message).toBe("DATABASE_URL: cannot connect to 127.0.0.1:1/coffer (ECONNREFUSED)");
    expect(error.message).not.toContain("hunter2");
  });

  it("stops on a bad setting, naming the variable", async () => {
    const error = await startupError({ COFFER_LOGIN_MAX_FAILURES: "-3", COFFER_DATA_DIR: mkdtempSync(join(tmpdir(), "coffer-")) });
    expect(error.message).toMatch(/^COFFER_LOGIN_MAX_FAILURES: /);
    expect(error.message).not.toContain("\n");
  });

  it("stops on an audit signing key that is not 32 bytes of base64, naming the variable", async () => {
    const error = await startupError({
      COFFER_AUDIT_SIGNING_KEY: "c2hvcnQ=",
      COFFER_DATA_DIR: join(mkdtempSync(join(tmpdir(), "coffer-")), "data"),
    });
    expect(error.message).toBe("COFFER_AUDIT_SIGNING_KEY: must be 32 bytes of base64 (for example: openssl rand -base64 32)");
  });

  it("describes a database URL without its credentials", () => {
    expect(describeDatabaseUrl("postgresql://u:p@db.internal/coffer")).toBe("db.internal:5432/coffer");
  });
});
