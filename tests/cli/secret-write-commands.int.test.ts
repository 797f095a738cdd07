// The secret commands that change secrets, end to end: the real CLI code,
// real HTTP, and the product's routes (recording what arrived) on this
// file's database. Listing, inspecting and login errors are in
// secret-read-commands.int.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { readVersion } from "../../lib/secrets/read-version";
import { assertNoLeak, CANARY } from "../support/leak-canary";
import { secretId } from "./cli-server";
import { BINARY, cli, lastRequest, registerSecretCommandHooks, seed, server } from "./secret-commands-fixture";

registerSecretCommandHooks();

describe("coffer secret create", () => {
  it("creates from stdin and prints only the new ID, like docker", async () => {
    const result = await cli(["secret", "create", "mysql_password", "-"], { stdin: `${CANARY}\n` });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(`${await secretId("default", "mysql_password")}\n`);
    expect(lastRequest()).toMatchObject({ method: "POST", url: "/api/v1/namespaces/default/secrets" });
    expect(lastRequest().headers.authorization).toBe(`Bearer ${server.token}`);
    expect(lastRequest().json).toEqual({ name: "mysql_password", data: { value: Buffer.from(`${CANARY}\n`).toString("base64") } });
    assertNoLeak(result.stdout + result.stderr, CANARY);
  });

  it("sends a binary file as base64 data (never stringData), byte for byte", async () => {
    expect((await cli(["secret", "create", "blob", "blob.bin"])).code).toBe(0);
    const body = lastRequest().json as { data: { value: string }; stringData?: unknown };
    expect(body.stringData).toBeUndefined();
    expect(Buffer.from(body.data.value, "base64").equals(BINARY)).toBe(true);
    expect((await storedValue("default", "blob", 1)).equals(BINARY)).toBe(true);
  });

  it("sends labels, type, immutable, namespace and named keys", async () => {
    const result = await cli([
      "secret",
      "create",
      "web_tls",
      "--type",
      "kubernetes.io/tls",
      "--from-file",
      "tls.crt=cert.pem",
      "--from-file",
      "tls.key=key.pem",
      "--from-literal",
      "note=a=b",
      "-l",
      "env=PROD",
      "--label",
      "date=20220901",
      "--label",
      "legacy",
      "--immutable",
      "-n",
      "ops",
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lastRequest().url).toBe("/api/v1/namespaces/ops/secrets");
    const body = lastRequest().json as Record<string, unknown>;
    expect(body).toMatchObject({
      name: "web_tls",
      type: "kubernetes.io/tls",
      immutable: true,
      labels: { env: "PROD", date: "20220901", legacy: "" },
    });
    expect(Object.keys(body.data as object)).toEqual(["tls.crt", "tls.key", "note"]);
    assertNoLeak(result.stdout + result.stderr, CANARY);
  });

  it("takes the namespace from COFFER_NAMESPACE", async () => {
    await cli(["secret", "create", "a", "--from-literal", "k=v"], { env: { COFFER_NAMESPACE: "dev" } });
    expect(lastRequest().url).toBe("/api/v1/namespaces/dev/secrets");
  });

  it("fails with a usage error and sends nothing when no data is given", async () => {
    const result = await cli(["secret", "create", "empty"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '"coffer secret create" requires data: a FILE, - for stdin, --from-file or --from-literal\n' +
        "See 'coffer secret create --help'.\n\n" +
        "Usage:  coffer secret create [OPTIONS] SECRET [file|-]\n\n" +
        "Create a secret from a file or STDIN as content\n",
    );
    expect(server.requests).toEqual([]);
  });

  it("prints the server's error for a duplicate name and exits 1", async () => {
    await cli(["secret", "create", "dup", "--from-literal", "k=v"]);
    const result = await cli(["secret", "create", "dup", "--from-literal", "k=v"]);
    expect(result).toEqual(
      expect.objectContaining({
        code: 1,
        stdout: "",
        stderr: "Error response from server: secret 'dup' already exists in namespace 'default'\n",
      }),
    );
  });
});

/** The plaintext the server stores for a version, read through lib. */
async function storedValue(namespace: string, name: string, version: number): Promise<Buffer> {
  const secret = await db.secret.findFirstOrThrow({ where: { name, namespace: { name: namespace } } });
  return (await readVersion(db, secret, version)).get("value")!;
}

describe("coffer secret rm", () => {
  beforeEach(seed);

  it("removes each name and prints it", async () => {
    const result = await cli(["secret", "rm", "api_key", "mysql_password"]);
    expect(result).toMatchObject({ code: 0, stdout: "api_key\nmysql_password\n", stderr: "" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE /api/v1/namespaces/default/secrets/api_key",
      "DELETE /api/v1/namespaces/default/secrets/mysql_password",
    ]);
  });

  it("goes on after a failure and exits 1 at the end (docker's behaviour)", async () => {
    await cli(["service", "create", "db"]);
    await cli(["service", "update", "db", "--secret-add", "mysql_root_password"]);
    const result = await cli(["secret", "rm", "mysql_root_password", "nope", "mysql_password"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("mysql_password\n");
    expect(result.stderr).toBe(
      "Error response from server: secret 'mysql_root_password' is in use by the following service: db\n" +
        "Error response from server: secret 'nope' not found in namespace 'default'\n",
    );
  });

  it("url-encodes names so they cannot change the path", async () => {
    await cli(["secret", "rm", "../x"]);
    expect(lastRequest().url).toBe("/api/v1/namespaces/default/secrets/..%2Fx");
  });
});

describe("coffer secret rotate, versions, rollback", () => {
  beforeEach(seed);

  it("rotates from stdin and named keys, as base64 data", async () => {
    const result = await cli(["secret", "rotate", "api_key", "-", "--from-literal", "extra=1"], { stdin: BINARY });
    expect(result).toMatchObject({ code: 0, stdout: "api_key rotated to version 2\n" });
    expect(lastRequest()).toMatchObject({ method: "POST", url: "/api/v1/namespaces/default/secrets/api_key/versions" });
    expect(lastRequest().json).toEqual({ data: { value: BINARY.toString("base64"), extra: "MQ==" } });
  });

  it("lists versions newest first with sizes and the current one marked", async () => {
    await cli(["secret", "rotate", "api_key", "--from-literal", "a=1234", "--from-literal", "b=5"]);
    const result = await cli(["secret", "versions", "api_key"]);
    expect(result.stdout).toBe(
      "VERSION   CREATED         KEYS      SIZE      CURRENT\n" +
        "2         2 minutes ago   a,b       5B        *\n" +
        "1         2 minutes ago   value     3B        \n",
    );
  });

  it("rolls back to a version and says which data is current", async () => {
    await cli(["secret", "rotate", "api_key", "--from-literal", "value=new"]);
    const result = await cli(["secret", "rollback", "api_key", "--to", "1"]);
    expect(result).toMatchObject({ code: 0, stdout: "api_key rolled back: version 3 has the data of version 1\n" });
    expect(lastRequest()).toMatchObject({ url: "/api/v1/namespaces/default/secrets/api_key/rollback", json: { version: 1 } });
  });

  it("requires --to as a version number", async () => {
    expect((await cli(["secret", "rollback", "api_key"])).stderr).toMatch(/^required flag\(s\) "to" not set\n/);
    expect((await cli(["secret", "rollback", "api_key", "--to", "v1"])).code).toBe(1);
    expect(server.requests).toEqual([]);
  });
});
