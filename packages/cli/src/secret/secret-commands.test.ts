// The secret commands end to end: the real CLI code, real HTTP, and a
// stand-in server that records what arrived.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertNoLeak, CANARY } from "../../../tests/support/leak-canary";
import { type FakeCoffer, startFakeCoffer } from "../test-support/fake-coffer-server";
import { runCli } from "../test-support/run-cli";

let server: FakeCoffer;
let dir: string;
const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0xc3, 0x28]); // not valid UTF-8

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-cli-cmd-"));
  await writeFile(join(dir, "blob.bin"), BINARY);
  await writeFile(join(dir, "cert.pem"), "-----BEGIN CERTIFICATE-----\n");
  await writeFile(join(dir, "key.pem"), `-----BEGIN PRIVATE KEY-----\n${CANARY}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  server = await startFakeCoffer();
});
afterEach(() => server.close());

const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { server, cwd: dir, ...options });
const lastRequest = () => server.requests.at(-1)!;

describe("coffer secret create", () => {
  it("creates from stdin and prints only the new ID, like docker", async () => {
    const result = await cli(["secret", "create", "mysql_password", "-"], { stdin: `${CANARY}\n` });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const id = server.secrets.get("default/mysql_password")!.id;
    expect(result.stdout).toBe(`${id}\n`);
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
    expect(server.secrets.get("default/blob")!.versions[0]!.data.value!.equals(BINARY)).toBe(true);
  });

  it("sends labels, type, immutable, namespace and named keys", async () => {
    const result = await cli([
      "secret", "create", "web_tls",
      "--type", "kubernetes.io/tls",
      "--from-file", "tls.crt=cert.pem",
      "--from-file", "tls.key=key.pem",
      "--from-literal", "note=a=b",
      "-l", "env=PROD", "--label", "date=20220901", "--label", "legacy",
      "--immutable",
      "-n", "ops",
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
    expect(result).toEqual(expect.objectContaining({ code: 1, stdout: "", stderr: "Error response from server: secret dup already exists\n" }));
  });
});

async function seed() {
  await cli(["secret", "create", "mysql_root_password", "-", "-l", "env=prod"], { stdin: "x" });
  await cli(["secret", "create", "mysql_password", "-", "-l", "env=dev", "-l", "team=db"], { stdin: "yy" });
  await cli(["secret", "create", "api_key", "-"], { stdin: "zzz" });
  server.requests.length = 0;
}

describe("coffer secret ls", () => {
  beforeEach(seed);

  it("prints docker's table sorted by name, with TYPE and VERSION", async () => {
    const result = await cli(["secret", "ls"]);
    expect(result.code).toBe(0);
    const id = (name: string) => server.secrets.get(`default/${name}`)!.id;
    expect(result.stdout).toBe(
      [
        "ID                          NAME                  TYPE      VERSION   CREATED         UPDATED",
        `${id("api_key")}   api_key               Opaque    1         2 minutes ago   2 minutes ago`,
        `${id("mysql_password")}   mysql_password        Opaque    1         2 minutes ago   2 minutes ago`,
        `${id("mysql_root_password")}   mysql_root_password   Opaque    1         2 minutes ago   2 minutes ago`,
        "",
      ].join("\n"),
    );
  });

  it("passes every --filter as a filter= query parameter", async () => {
    const result = await cli(["secret", "ls", "-f", "name=mysql", "--filter", "label=env=prod", "--format", "{{.Name}}"]);
    expect(result.stdout).toBe("mysql_root_password\n");
    const url = new URL(lastRequest().url, "http://x");
    expect(url.pathname).toBe("/api/v1/namespaces/default/secrets");
    expect(url.searchParams.getAll("filter")).toEqual(["name=mysql", "label=env=prod"]);
  });

  it("prints IDs only with -q, and one JSON object per line with --format json", async () => {
    const quiet = await cli(["secret", "ls", "-q", "--filter", "label=team"]);
    expect(quiet.stdout).toBe(`${server.secrets.get("default/mysql_password")!.id}\n`);
    const json = await cli(["secret", "ls", "--format", "json"]);
    const lines = json.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.Name, l.Labels])).toEqual([
      ["api_key", ""],
      ["mysql_password", "env=dev,team=db"],
      ["mysql_root_password", "env=prod"],
    ]);
  });

  it("expands \\t in templates and warns that -q beats --format", async () => {
    const result = await cli(["secret", "ls", "--format", "{{.Name}}\\t{{.Version}}", "-q", "-f", "name=api"]);
    expect(result.stdout).toBe(`${server.secrets.get("default/api_key")!.id}\n`);
    expect(result.stderr).toBe("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    expect((await cli(["secret", "ls", "--format", "{{.Name}}\\t{{.Version}}", "-f", "name=api"])).stdout).toBe("api_key\t1\n");
  });

  it("refuses a bad template or filter before asking the server", async () => {
    expect(await cli(["secret", "ls", "--format", "{{.Nope}}"])).toMatchObject({ code: 1 });
    expect(await cli(["secret", "ls", "--filter", "driver=x"])).toMatchObject({ code: 1 });
    expect(server.requests).toEqual([]);
  });
});

describe("coffer secret inspect", () => {
  beforeEach(seed);

  it("prints a JSON array of docker-shaped objects, indented by 2", async () => {
    const result = await cli(["secret", "inspect", "mysql_password", "api_key"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual({
      ID: server.secrets.get("default/mysql_password")!.id,
      Version: { Index: 11 },
      CreatedAt: "2024-05-01T10:00:00.000Z",
      UpdatedAt: "2024-05-01T10:00:00.000Z",
      Spec: { Name: "mysql_password", Labels: { env: "dev", team: "db" } },
    });
    expect(result.stdout.startsWith('[\n  {\n    "ID"')).toBe(true);
  });

  it("prints the pretty view with --pretty", async () => {
    const result = await cli(["secret", "inspect", "--pretty", "mysql_password"]);
    expect(result.stdout).toContain("Name:              mysql_password\n");
    expect(result.stdout).toContain("Labels:\n - env=dev\n - team=db\n");
    expect(result.stdout).toContain("Keys:\n - value (2 bytes)\n");
  });

  it("still prints the ones found when a name fails, then the error, exit 1", async () => {
    const result = await cli(["secret", "inspect", "api_key", "nope"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(result.stderr).toBe("Error response from server: secret nope not found\n");
  });
});

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
    server.secrets.get("default/mysql_root_password")!.labels["test.in-use-by"] = "db";
    const result = await cli(["secret", "rm", "mysql_root_password", "nope", "mysql_password"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("mysql_password\n");
    expect(result.stderr).toBe(
      "Error response from server: secret 'mysql_root_password' is in use by the following service: db\n" +
        "Error response from server: secret nope not found\n",
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

describe("authentication errors", () => {
  it("hints at coffer login on 401 and never prints the token", async () => {
    const result = await cli(["secret", "ls"], { env: { COFFER_TOKEN: "cfp_revoked_token_value" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `Error response from server: invalid or expired token (run: coffer login --server ${server.url})\n`,
    );
    expect(result.stdout + result.stderr).not.toContain("cfp_revoked_token_value");
  });

  it("says to log in when there is no token at all", async () => {
    const result = await runCli(["secret", "ls"], { env: { COFFER_SERVER: server.url } });
    expect(result).toMatchObject({ code: 1, stderr: `not logged in to ${server.url} (run: coffer login --server ${server.url})\n` });
  });
});
