// `coffer integration create|ls|renew|revoke` end to end: the real CLI code,
// real HTTP, and the product's routes on this file's database. A token is
// the only thing a create or renew prints on stdout, so `> file` keeps it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { resolveIntegrationToken } from "../../lib/integrations/resolve-integration-token";
import { runCli } from "../../packages/cli/src/test-support/run-cli";
import { ensureNamespace, testContext } from "../support/factories";
import { type CofferServer, startCoffer, twoMinutesOn } from "./cli-server";

let server: CofferServer;
beforeAll(async () => {
  await ensureNamespace("ops");
  server = await startCoffer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM "Integration"`);
  server.requests.length = 0;
});

const cli = (argv: string[]) => runCli(argv, { server, now: twoMinutesOn() });
const row = (name: string, namespace = "default") => db.integration.findFirstOrThrow({ where: { name, namespace: { name: namespace } } });
const TOKEN_LINE = /^cfi_[A-Za-z0-9_-]{43}\n$/;

async function create(argv: string[]) {
  const result = await cli(["integration", "create", ...argv]);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe("coffer integration create", () => {
  it("prints only the token on stdout, and on stderr what to do with it", async () => {
    const result = await create(["docker-swarm", "prod-swarm"]);
    expect(result.stdout).toMatch(TOKEN_LINE);
    const made = await row("prod-swarm");
    expect(result.stderr).toContain(`Created integration prod-swarm (${made.id}, docker-swarm) in namespace default.`);
    expect(result.stderr).toContain(`coffer docker-plugin --server ${server.url} --token-file FILE`);
    expect(result.stderr).not.toContain("cfi_");
    expect(server.requests.at(-1)).toMatchObject({
      method: "POST",
      url: "/api/v1/namespaces/default/integrations",
      json: { kind: "docker-swarm", name: "prod-swarm" },
    });
    // The printed token is the integration's.
    await expect(resolveIntegrationToken(result.stdout.trim(), testContext, "docker-swarm")).resolves.toMatchObject({ id: made.id });
  });

  it("takes a lifetime or none, and a namespace", async () => {
    await create(["kubernetes-kms", "week", "--expires-in-days", "7"]);
    expect(server.requests.at(-1)?.json).toEqual({ kind: "kubernetes-kms", name: "week", expiresInDays: 7 });
    const never = await create(["kubernetes-kms", "forever", "--no-expiry", "-n", "ops"]);
    expect(server.requests.at(-1)).toMatchObject({ url: "/api/v1/namespaces/ops/integrations", json: { expiresInDays: null } });
    expect(never.stderr).toContain("The token does not expire");
    expect(never.stderr).toContain("coffer kms-plugin --server");
    expect((await row("forever", "ops")).expiresAt).toBeNull();
  });

  it("refuses bad usage before calling, and shows the server's refusals", async () => {
    const kind = await cli(["integration", "create", "nomad", "x"]);
    expect(kind).toMatchObject({ code: 1, stdout: "" });
    expect(kind.stderr).toMatch(/^invalid argument "nomad" for KIND: expected one of docker-swarm, kubernetes-kms\n/);
    const both = await cli(["integration", "create", "docker-swarm", "x", "--no-expiry", "--expires-in-days", "3"]);
    expect(both.stderr).toMatch(/^if any flags in the group \[expires-in-days no-expiry\] are set/);
    expect((await cli(["integration", "create", "docker-swarm"])).stderr).toMatch(/"coffer integration create" requires 2 arguments/);
    expect(server.requests).toHaveLength(0);

    const badName = await cli(["integration", "create", "docker-swarm", "x-"]);
    expect(badName).toMatchObject({ code: 1, stdout: "" });
    expect(badName.stderr).toMatch(/^Error response from server: name must be 1-64 characters/);
    await create(["docker-swarm", "taken"]);
    expect((await cli(["integration", "create", "docker-swarm", "taken"])).stderr).toBe(
      "Error response from server: integration 'taken' already exists in namespace 'default'\n",
    );
  });
});

describe("coffer integration ls", () => {
  it("lists docker's way, sorted by name (numbers as numbers), revoked ones included", async () => {
    await create(["kubernetes-kms", "kms10", "--no-expiry"]);
    await create(["docker-swarm", "kms2"]);
    await cli(["integration", "revoke", "kms2"]);
    const [a, b] = [await row("kms10"), await row("kms2")];
    const result = await cli(["integration", "ls"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^ID +NAME +KIND +PREFIX +STATE +EXPIRES AT +LAST USED +CREATED$/);
    expect(lines[2]).toMatch(new RegExp(`^${a.id} +kms10 +kubernetes-kms +${a.prefix} +active +never +never +2 minutes ago$`));
    expect(lines[1]).toMatch(new RegExp(`^${b.id} +kms2 +docker-swarm +${b.prefix} +revoked +${b.expiresAt!.toISOString()} +never`));

    expect((await cli(["integration", "list", "-q"])).stdout).toBe(`${b.id}\n${a.id}\n`);
    expect((await cli(["integration", "ls", "--format", "{{.Name}}\\t{{.State}}"])).stdout).toBe("kms2\trevoked\nkms10\tactive\n");
    const json = JSON.parse((await cli(["integration", "ls", "--format", "json"])).stdout.split("\n")[1]!);
    expect(json).toMatchObject({ ID: a.id, Name: "kms10", Kind: "kubernetes-kms", Namespace: "default", ExpiresAt: "never" });
    expect((await cli(["integration", "ls", "-n", "ops"])).stdout.split("\n")).toHaveLength(2);
  });
});

describe("coffer integration renew", () => {
  it("prints a new token for the same integration, by name or id; the old one stops working", async () => {
    const old = (await create(["kubernetes-kms", "apiserver", "--expires-in-days", "1"])).stdout.trim();
    const { id } = await row("apiserver");
    const result = await cli(["integration", "renew", "apiserver", "--no-expiry"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(TOKEN_LINE);
    expect(result.stderr).toContain(
      `Renewed the token of integration apiserver (${id}, kubernetes-kms) in namespace default; the old token no longer works.`,
    );
    expect(server.requests.at(-1)).toMatchObject({
      method: "POST",
      url: `/api/v1/namespaces/default/integrations/${id}/token`,
      json: { expiresInDays: null },
    });
    const fresh = result.stdout.trim();
    await expect(resolveIntegrationToken(fresh, testContext, "kubernetes-kms")).resolves.toMatchObject({ id });
    await expect(resolveIntegrationToken(old, testContext, "kubernetes-kms")).rejects.toThrow("unknown");

    const byId = await cli(["integration", "renew", id]);
    expect(byId.code, byId.stderr).toBe(0);
    expect(server.requests.at(-1)?.json).toEqual({});
    await expect(resolveIntegrationToken(fresh, testContext, "kubernetes-kms")).rejects.toThrow("unknown");
  });

  it("names what is missing and refuses a revoked integration", async () => {
    const missing = await cli(["integration", "renew", "nope"]);
    expect(missing).toMatchObject({ code: 1, stdout: "", stderr: "Error: No such integration: nope (in namespace default)\n" });
    await create(["docker-swarm", "gone"]);
    await cli(["integration", "revoke", "gone"]);
    const revoked = await cli(["integration", "renew", "gone"]);
    expect(revoked).toMatchObject({ code: 1, stdout: "" });
    expect(revoked.stderr).toBe(
      "Error response from server: integration 'gone' is revoked and cannot be renewed; create a new one (revoked integrations stay revoked)\n",
    );
  });
});

describe("coffer integration revoke", () => {
  it("revokes each one named, by name or id, reports the missing, exits 1 if any failed", async () => {
    await create(["docker-swarm", "a"]);
    await create(["kubernetes-kms", "b"]);
    const b = await row("b");
    const result = await cli(["integration", "revoke", "a", "nope", b.id]);
    expect(result).toMatchObject({ code: 1, stdout: `a\n${b.id}\n`, stderr: "Error: No such integration: nope (in namespace default)\n" });
    expect((await row("a")).revokedAt).not.toBeNull();
    expect((await row("b")).revokedAt).not.toBeNull();
    // Revoking again is no failure: it already is.
    expect(await cli(["integration", "rm", "a"])).toMatchObject({ code: 0, stdout: "a\n" });
  });
});
