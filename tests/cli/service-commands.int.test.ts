// The service commands end to end: the real CLI code, real HTTP, and the
// product's routes (recording what arrived) on this file's database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db as database } from "../../lib/db/client";
import { absoluteTime } from "../../packages/contracts/src/format/relative-time";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { ensureNamespace } from "../support/factories";
import { type CofferServer, secretId, serviceRow, startCoffer, twoMinutesOn } from "./cli-server";

let server: CofferServer;
beforeAll(async () => {
  await ensureNamespace("ops");
  server = await startCoffer();
});
afterAll(() => server.close());
// Every test starts from two secrets and no services.
beforeEach(async () => {
  await database.$executeRawUnsafe(`DELETE FROM "SecretBinding"`);
  await database.$executeRawUnsafe(`DELETE FROM "Service"`);
  await database.$executeRawUnsafe(`DELETE FROM "Secret"`);
  await cli(["secret", "create", "db_pw", "--from-literal", "value=pw"]);
  await cli(["secret", "create", "tls", "--from-literal", "tls.crt=c", "--from-literal", "tls.key=k"]);
  server.requests.length = 0;
});

const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { server, now: twoMinutesOn(), ...options });
const lastRequest = () => server.requests.at(-1)!;
const calls = () => server.requests.map((r) => `${r.method} ${r.url}`);
const db = async () => (await serviceRow("default", "db"))!;

describe("coffer service create, ls, rm", () => {
  it("creates with labels and a description and prints only the ID", async () => {
    const result = await cli(["service", "create", "db", "--description", "primary database", "-l", "env=prod", "--label", "tier"]);
    expect(result).toMatchObject({ code: 0, stderr: "", stdout: `${(await db()).id}\n` });
    expect(lastRequest()).toMatchObject({
      method: "POST",
      url: "/api/v1/namespaces/default/services",
      json: { name: "db", description: "primary database", labels: { env: "prod", tier: "" } },
    });
  });

  it("lists docker's way, sorted by name, with binding and token counts", async () => {
    await cli(["service", "create", "web10"]);
    await cli(["service", "create", "web2", "-n", "ops"]);
    await cli(["service", "create", "db"]);
    await cli(["service", "update", "db", "--secret-add", "db_pw", "--secret-add", "tls"]);
    await cli(["service", "token", "create", "db"]);
    const result = await cli(["service", "ls"]);
    const id = (await db()).id;
    expect(result.stdout).toBe(
      [
        `${"ID".padEnd(id.length + 3)}NAME      BINDINGS   TOKENS    CREATED         UPDATED`,
        `${id}   db        2          1         2 minutes ago   2 minutes ago`,
        `${(await serviceRow("default", "web10"))!.id}   web10     0          0         2 minutes ago   2 minutes ago`,
        "",
      ].join("\n"),
    );
    expect((await cli(["service", "list", "-q", "-n", "ops"])).stdout).toBe(`${(await serviceRow("ops", "web2"))!.id}\n`);
    const json = JSON.parse((await cli(["service", "ls", "--format", "json"])).stdout.split("\n")[0]!);
    expect(json).toMatchObject({
      Name: "db",
      Bindings: 2,
      Tokens: 1,
      Namespace: "default",
      CreatedAt: (await db()).createdAt.toISOString(),
    });
    expect((await cli(["service", "ls", "--format", "{{.Name}}\\t{{.Tokens}}"])).stdout).toBe("db\t1\nweb10\t0\n");
  });

  it("removes every name given, reports failures, exits 1 if any failed", async () => {
    await cli(["service", "create", "db"]);
    const result = await cli(["service", "rm", "db", "nope"]);
    expect(result).toMatchObject({
      code: 1,
      stdout: "db\n",
      stderr: "Error response from server: service 'nope' not found in namespace 'default'\n",
    });
    expect(await database.service.count()).toBe(0);
  });
});

describe("coffer service update", () => {
  beforeEach(async () => {
    await cli(["service", "create", "db"]);
    server.requests.length = 0;
  });

  it("sends each --secret-add as a binding, with every field", async () => {
    const result = await cli([
      "service",
      "update",
      "db",
      "--secret-add",
      "source=db_pw,target=db_password,uid=1000,gid=1000,mode=0400,env=DB_PASSWORD",
      "--secret-add",
      "src=tls,target=certs/tls,key=tls.key,version=1",
    ]);
    expect(result).toMatchObject({ code: 0, stdout: "db\n", stderr: "" });
    expect(server.requests.map((r) => r.json)).toEqual([
      { secret: "db_pw", target: "db_password", uid: 1000, gid: 1000, mode: "0400", envName: "DB_PASSWORD" },
      { secret: "tls", target: "certs/tls", key: "tls.key", pinnedVersion: 1 },
    ]);
    expect(calls()).toEqual([
      "POST /api/v1/namespaces/default/services/db/bindings",
      "POST /api/v1/namespaces/default/services/db/bindings",
    ]);
  });

  it("removes before adding (docker's order), by target or secret name, keeping '/' in targets", async () => {
    await cli(["service", "update", "db", "--secret-add", "source=tls,target=certs/tls", "--secret-add", "db_pw"]);
    server.requests.length = 0;
    const result = await cli([
      "service",
      "update",
      "db",
      "--secret-add",
      "source=db_pw,target=pw2",
      "--secret-rm",
      "certs/tls",
      "--secret-rm",
      "db_pw",
    ]);
    expect(result.code).toBe(0);
    expect(calls()).toEqual([
      "DELETE /api/v1/namespaces/default/services/db/bindings/certs/tls",
      "DELETE /api/v1/namespaces/default/services/db/bindings/db_pw",
      "POST /api/v1/namespaces/default/services/db/bindings",
    ]);
    expect((await db()).bindings.map((b) => b.target)).toEqual(["pw2"]);
  });

  it("checks every --secret-add before sending anything", async () => {
    const result = await cli(["service", "update", "db", "--secret-add", "db_pw", "--secret-add", "source=tls,perms=0400"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'invalid argument "source=tls,perms=0400" for "--secret-add": invalid field in secret request: perms (use source, target, uid, gid, mode, env, key or version)\n' +
        "See 'coffer service update --help'.\n\nUsage:  coffer service update [OPTIONS] SERVICE\n\nUpdate a service\n",
    );
    expect(server.requests).toEqual([]);
  });

  it("refuses a --secret-rm that would walk out of the bindings path", async () => {
    const result = await cli(["service", "update", "db", "--secret-rm", "../.."]);
    expect(result).toMatchObject({ code: 1, stderr: 'invalid name ".."\n' });
    expect(server.requests).toEqual([]);
  });

  it("says which steps were applied when a later one fails", async () => {
    const result = await cli(["service", "update", "db", "--secret-add", "db_pw", "--secret-add", "source=tls,target=db_pw"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Error response from server: service 'db' already has a secret at target 'db_pw'\n(already applied: --secret-add db_pw)\n",
    );
  });

  it("adds and removes labels over the current ones and replaces the description", async () => {
    await database.service.update({ where: { id: (await db()).id }, data: { labels: { keep: "1", drop: "2" } } });
    const result = await cli(["service", "update", "db", "--label-add", "env=prod", "--label-rm", "drop", "--description", "d"]);
    expect(result.code).toBe(0);
    expect(lastRequest()).toMatchObject({ method: "PATCH", json: { description: "d", labels: { keep: "1", env: "prod" } } });
  });

  it("needs something to change", async () => {
    const result = await cli(["service", "update", "db"]);
    expect(result.stderr).toMatch(/^"coffer service update" needs something to change: --secret-add, --secret-rm/);
  });
});

describe("coffer service inspect", () => {
  beforeEach(async () => {
    await cli(["service", "create", "db", "-l", "env=prod", "--description", "primary"]);
    await cli(["service", "update", "db", "--secret-add", "source=db_pw,target=db_password,uid=1000,gid=1000,mode=0400,env=DB_PASSWORD"]);
  });

  it("prints docker's service JSON, bindings as SecretReferences", async () => {
    const result = await cli(["service", "inspect", "db"]);
    const [service] = JSON.parse(result.stdout);
    expect(service.ID).toBe((await db()).id);
    expect(service.Spec.Name).toBe("db");
    expect(service.Spec.Labels).toEqual({ env: "prod" });
    expect(service.Spec.TaskTemplate.ContainerSpec.Secrets).toEqual([
      {
        File: { Name: "db_password", UID: "1000", GID: "1000", Mode: 0o400 },
        SecretID: await secretId("default", "db_pw"),
        SecretName: "db_pw",
      },
    ]);
    expect(service.Coffer).toMatchObject({
      Namespace: "default",
      Description: "primary",
      Bindings: [{ envName: "DB_PASSWORD", version: 1 }],
    });
  });

  it("prints docker's --pretty block with Secrets: Target, Source, UID, GID, Mode", async () => {
    const token = (await cli(["service", "token", "create", "db", "--name", "web-1"])).stdout.trim();
    const result = await cli(["service", "inspect", "--pretty", "db"]);
    const row = await db();
    expect(result.stdout).toContain(
      [
        `ID:             ${row.id}`,
        "Name:           db",
        "Namespace:      default",
        "Description:    primary",
        "Labels:",
        " env=prod",
        `Created at:     ${absoluteTime(row.createdAt.toISOString())}`,
        `Updated at:     ${absoluteTime(row.updatedAt.toISOString())}`,
        "Secrets:",
        " Target:        db_password",
        "  Source:       db_pw",
        `  ID:           ${await secretId("default", "db_pw")}`,
        "  UID:          1000",
        "  GID:          1000",
        "  Mode:         0400",
        "  Env:          DB_PASSWORD_FILE",
        // The server pins a one-key secret's binding to that key.
        "  Key:          value",
        "  Version:      1",
        "Tokens:",
        ` ID:            ${row.tokens[0]!.id}`,
        "  Name:         web-1",
      ].join("\n"),
    );
    expect(result.stdout).toContain(`  Prefix:       ${row.tokens[0]!.prefix}\n`);
    expect(result.stdout).toContain("  Last used:    never\n");
    expect(token).toMatch(/^cfs_/);
    expect(result.stdout).not.toContain(token);
  });

  it("prints the ones found and the failures, exit 1", async () => {
    const result = await cli(["service", "inspect", "db", "nope"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(result.stderr).toBe("Error response from server: service 'nope' not found in namespace 'default'\n");
  });
});

describe("coffer service token", () => {
  beforeEach(() => cli(["service", "create", "db"]));

  it("prints the new token alone on stdout, its ID on stderr", async () => {
    const result = await cli(["service", "token", "create", "db", "--name", "web-1", "--expires-in-days", "30"]);
    const stored = (await db()).tokens[0]!;
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(stored.prefix)).toBe(true);
    expect(result.stdout).toMatch(/^cfs_[\w-]+\n$/);
    // 30 days from when the server made it.
    expect(Math.abs(stored.expiresAt!.getTime() - stored.createdAt.getTime() - 30 * 86_400_000)).toBeLessThan(5_000);
    expect(result.stderr).toBe(
      `Created token ${stored.id} (web-1) for service db; it expires ${stored.expiresAt!.toISOString()}. It is not shown again.\n`,
    );
    expect(lastRequest().json).toEqual({ name: "web-1", expiresInDays: 30 });
    expect((await cli(["service", "token", "create", "db", "--expires-in-days", "soon"])).code).toBe(1);
  });

  it("lists tokens without their secret part and revokes them", async () => {
    const token = (await cli(["service", "token", "create", "db"])).stdout.trim();
    const stored = (await db()).tokens[0]!;
    const id = stored.id;
    const listed = await cli(["service", "token", "ls", "db"]);
    // The default lifetime: 365 days.
    expect(Math.abs(stored.expiresAt!.getTime() - stored.createdAt.getTime() - 365 * 86_400_000)).toBeLessThan(5_000);
    expect(listed.stdout).toContain(
      `${id}   agent     ${stored.prefix}   2 minutes ago   never       expires ${stored.expiresAt!.toISOString().slice(0, 10)}`,
    );
    expect(listed.stdout).not.toContain(token);
    const removed = await cli(["service", "token", "rm", "db", id, "stk_nope"]);
    expect(removed).toMatchObject({
      code: 1,
      stdout: `${id}\n`,
      stderr: "Error response from server: service 'db' has no token 'stk_nope'\n",
    });
    expect(lastRequest().url).toBe("/api/v1/namespaces/default/services/db/tokens/stk_nope");
    expect((await cli(["service", "token", "ls", "-q", "db"])).stdout).toBe(`${id}\n`);
    expect((await cli(["service", "token", "ls", "db"])).stdout).toContain("revoked");
  });
});

describe("coffer secret rm with bindings", () => {
  it("is refused with docker's message while a service uses the secret", async () => {
    await cli(["service", "create", "db"]);
    await cli(["service", "create", "web"]);
    await cli(["service", "update", "db", "--secret-add", "db_pw"]);
    await cli(["service", "update", "web", "--secret-add", "source=db_pw,target=pw"]);
    expect((await cli(["secret", "rm", "db_pw"])).stderr).toBe(
      "Error response from server: secret 'db_pw' is in use by the following services: db, web\n",
    );
    await cli(["service", "rm", "web"]);
    expect((await cli(["secret", "rm", "db_pw"])).stderr).toBe(
      "Error response from server: secret 'db_pw' is in use by the following service: db\n",
    );
  });
});
