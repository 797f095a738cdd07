import { describe, expect, it } from "vitest";
import { adminUrl, PostgresqlRotator, targetRole } from "./postgresql-rotator";
import { postgresProblem } from "./postgres-problem";
import { RotationFailed, rotatorConfigSchema, type PostgresRotatorConfig } from "./rotator";
import { BadRequest } from "../../errors";

const config: PostgresRotatorConfig = { kind: "postgresql", admin: "pg-admin", roles: ["app_blue", "app_green"] };
const entries = (object: Record<string, string>) => new Map(Object.entries(object).map(([k, v]) => [k, Buffer.from(v)]));

describe("rotatorConfigSchema", () => {
  it("accepts a PostgreSQL rotator", () => {
    expect(rotatorConfigSchema.parse(config)).toEqual(config);
  });

  it.each([
    [{ ...config, roles: ["app", "app"] }, /two distinct roles/],
    [{ ...config, roles: ["app"] }, /two role names/],
    [{ ...config, roles: ["app_blue", 'x"; DROP ROLE y'] }, /each role must be/],
    [{ ...config, roles: ["app_blue", "a".repeat(64)] }, /each role must be/],
    [{ ...config, admin: "../other" }, /rotator.admin must be/],
    [{ ...config, admin: undefined }, /rotator.admin/],
    [{ ...config, kind: "mysql" }, /kind must be "postgresql"/],
    [{ ...config, extra: 1 }, /extra/],
    ["postgresql", /rotator must be an object/],
  ])("refuses %j with a clear message", (input, message) => {
    const result = rotatorConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join("; ")).toMatch(message);
  });
});

describe("targetRole", () => {
  it("is the role the current version does not name, the first one when none", () => {
    expect(targetRole(config, null)).toBe("app_blue");
    expect(targetRole(config, entries({ username: "app_blue" }))).toBe("app_green");
    expect(targetRole(config, entries({ username: "app_green" }))).toBe("app_blue");
    expect(targetRole(config, entries({ username: "someone_else" }))).toBe("app_blue");
  });
});

describe("adminUrl", () => {
  it("reads key `url`, or the only key", () => {
    expect(adminUrl(entries({ url: "postgres://admin:pw@db:5432/app", other: "x" })).hostname).toBe("db");
    expect(adminUrl(entries({ dsn: "postgresql://admin:pw@db/app" })).hostname).toBe("db");
  });

  it.each<Record<string, string>>([
    {},
    { a: "postgres://x@db/app", b: "postgres://y@db/app" },
    { url: "mysql://root@db/app" },
    { url: "not a url" },
  ])("refuses %j without echoing the value", (object) => {
    let message = "";
    try {
      adminUrl(entries(object));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/admin secret must hold a postgres/);
    expect(message).not.toMatch(/root|x@db|not a url/);
  });
});

describe("postgresProblem", () => {
  it("says known causes in its own words, never the server's text", () => {
    const error = Object.assign(new Error('password authentication failed for user "admin" at 10.0.0.5'), { code: "28P01" });
    expect(postgresProblem(error).message).toBe("PostgreSQL refused the admin secret's password");
    const unknown = Object.assign(new Error("secret detail postgres://a:b@h/d"), { code: "XX000" });
    expect(postgresProblem(unknown).message).toBe("PostgreSQL answered with error XX000");
    expect(postgresProblem(new Error("postgres://a:b@h/d broke")).message).toBe("talking to PostgreSQL failed");
    expect(postgresProblem(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })).message).not.toMatch(
      /127/,
    );
  });
});

describe("PostgresqlRotator without a server", () => {
  it("fails a rotation before connecting when the password cannot be sent as a verifier, naming the role only", async () => {
    const rotate = new PostgresqlRotator().rotate({
      config,
      adminEntries: entries({ url: "postgres://admin:pw@127.0.0.1:1/app" }),
      current: entries({ username: "app_blue" }),
      newPassword: "pässwörd",
    });
    await expect(rotate).rejects.toThrow(RotationFailed);
    await expect(rotate).rejects.toThrow('rotating role "app_green" failed: the generated password is not printable ASCII');
  });

  it("answers a bad admin secret at configuration with a 400 on rotator.admin", async () => {
    const check = new PostgresqlRotator().check({ config, adminEntries: entries({ url: "https://example.com" }) });
    await expect(check).rejects.toBeInstanceOf(BadRequest);
    await expect(check).rejects.toMatchObject({ status: 400, fields: { "rotator.admin": expect.stringMatching(/postgres:\/\//) } });
  });
});
