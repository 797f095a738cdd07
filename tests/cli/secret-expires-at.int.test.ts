// `coffer secret create --expires-at` (issue 18): the real CLI, real HTTP and
// the product's routes; the expiry lands on the secret and in the audit.
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { cli, lastRequest, registerSecretCommandHooks, server } from "./secret-commands-fixture";

registerSecretCommandHooks();

const storedExpiry = async (name: string) => (await db.secret.findFirstOrThrow({ where: { name, deletedAt: null } })).expiresAt;

describe("coffer secret create --expires-at", () => {
  it("sends a date as midnight UTC and stores it", async () => {
    const result = await cli(["secret", "create", "vendor_key", "--expires-at", "2027-01-31", "--from-literal", "value=x"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lastRequest().json).toMatchObject({ name: "vendor_key", expiresAt: "2027-01-31T00:00:00.000Z" });
    expect((await storedExpiry("vendor_key"))?.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    const created = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.create", resourceName: "vendor_key" } });
    expect(created.details).toMatchObject({ expiresAt: "2027-01-31T00:00:00.000Z" });
  });

  it("counts +30d from the CLI's clock", async () => {
    const now = new Date("2026-12-02T10:00:00.000Z");
    const result = await cli(["secret", "create", "short_lived", "--expires-at", "+30d", "-"], { stdin: "x", now });
    expect(result.code, result.stderr).toBe(0);
    expect((await storedExpiry("short_lived"))?.toISOString()).toBe("2027-01-01T10:00:00.000Z");
  });

  it("refuses an unreadable value before reading STDIN or calling the server", async () => {
    const result = await cli(["secret", "create", "typo", "--expires-at", "next month", "-"], { stdin: "x" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^invalid argument "next month" for "--expires-at"/);
    expect(result.stderr).toContain("See 'coffer secret create --help'.");
    expect(server.requests).toEqual([]);
  });

  it("lists the flag in the command's help", async () => {
    const result = await cli(["secret", "create", "--help"]);
    expect(result.stdout).toMatch(/--expires-at string\s+When the secret expires/);
  });
});
