// The operator's story on the command line, against the real server: log
// in, store a database password, bind it to a service as Docker would
// (`--secret-add source=,target=,uid=,gid=,mode=`), and let `coffer agent`
// and `coffer run` deliver it through a rotation and an unbind. Drives
// bin/coffer.mjs as a child process, as a user or a CI job does.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { runBin } from "../packages/cli/src/test-support/run-bin";
import { E2E_PORT } from "./support/instance";
import { OWNER } from "./support/owner";

// The owner first-run.spec.ts creates on this instance (spec files run in
// name order, one worker, one instance); copied here so that spec stays as
// it is. It leaves the owner signed out and not locked.
const EMAIL = OWNER.email;
const PASSWORD = OWNER.password;
// Secret values: CANARY- so zz-no-leaks.spec.ts checks the server log for them.
const VALUE = "CANARY-cli-3b9e";
const ROTATED = "CANARY-cli-3b9e-rotated";
const SERVER = `http://127.0.0.1:${E2E_PORT}`;
const ROOT = process.getuid?.() === 0;

let work: string;
let secretsDir: string;
let runtimeDir: string;
let tokenFile: string;

/**
 * `coffer ARGS` with a clean environment (PATH only, as run-bin.ts builds
 * it) and its own config directory. No value or password may appear in
 * what it prints, except where the story reads the value itself.
 */
async function coffer(args: string[], options: { stdin?: string; readsValue?: boolean; env?: Record<string, string> } = {}) {
  const result = await runBin(args, {
    cwd: work,
    stdin: options.stdin,
    env: { HOME: work, COFFER_CONFIG_DIR: join(work, "config"), XDG_RUNTIME_DIR: runtimeDir, ...options.env },
  });
  const printed = options.readsValue ? result.stderr : result.stdout + result.stderr;
  expect(printed, `coffer ${args.join(" ")}`).not.toContain("CANARY-cli");
  expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  return result;
}

const agentOnce = () => coffer(["agent", "--server", SERVER, "--token-file", tokenFile, "--dir", secretsDir, "--once"]);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "coffer-e2e-cli-"));
  secretsDir = join(work, "run-secrets");
  runtimeDir = await mkdtemp(join(tmpdir(), "coffer-e2e-xdg-"));
  tokenFile = join(work, "db.token");
});

// The stored login and the token file are credentials: leave none behind.
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(runtimeDir, { recursive: true, force: true });
});

test("the owner logs in from the CLI and stores a secret from stdin", async () => {
  const login = await coffer(["login", "--server", SERVER, "--email", EMAIL, "--password-stdin"], { stdin: `${PASSWORD}\n` });
  expect(login).toMatchObject({ code: 0, stdout: "Login Succeeded\n" });
  expect((await stat(join(work, "config", "config.json"))).mode & 0o777).toBe(0o600);

  const created = await coffer(["secret", "create", "db_pw", "-"], { stdin: VALUE });
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(/^[0-9a-z]{25}\n$/);

  const listed = await coffer(["secret", "ls"]);
  expect(listed.stdout).toMatch(/^ID +NAME +TYPE +VERSION +CREATED +UPDATED\n/);
  expect(listed.stdout).toContain(`${created.stdout.trim()}   db_pw`);

  const inspected = await coffer(["secret", "inspect", "--pretty", "db_pw"]);
  expect(inspected.stdout).toContain("Name:              db_pw\n");
  expect(inspected.stdout).toContain(`Keys:\n - value (${VALUE.length} bytes)\n`);
});

test("a service gets the secret as a file with owner and mode, docker's way", async () => {
  const created = await coffer(["service", "create", "db", "--label", "env=e2e"]);
  expect(created.stdout).toMatch(/^svc_\w+\n$/);
  const updated = await coffer([
    "service",
    "update",
    "db",
    "--secret-add",
    "source=db_pw,target=db_password,uid=1000,gid=1000,mode=0400,env=DB_PASSWORD",
  ]);
  expect(updated).toMatchObject({ code: 0, stdout: "db\n", stderr: "" });

  const pretty = await coffer(["service", "inspect", "--pretty", "db"]);
  expect(pretty.stdout).toContain("Secrets:\n Target:        db_password\n  Source:       db_pw\n");
  expect(pretty.stdout).toContain("  UID:          1000\n  GID:          1000\n  Mode:         0400\n  Env:          DB_PASSWORD_FILE\n");
  const [json] = JSON.parse((await coffer(["service", "inspect", "db"])).stdout);
  expect(json.Spec.TaskTemplate.ContainerSpec.Secrets[0].File).toEqual({ Name: "db_password", UID: "1000", GID: "1000", Mode: 0o400 });
  expect((await coffer(["service", "ls", "--format", "{{.Name}} {{.Bindings}}"])).stdout).toBe("db 1\n");
});

test("a secret in use cannot be removed, with docker's message", async () => {
  const refused = await coffer(["secret", "rm", "db_pw"]);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe("");
  expect(refused.stderr).toContain("secret 'db_pw' is in use by the following service: db");
});

test("the agent writes the file with the binding's owner and mode, and follows a rotation", async () => {
  const token = await coffer(["service", "token", "create", "db", "--name", "e2e-agent"]);
  expect(token.code).toBe(0);
  expect(token.stdout).toMatch(/^cfs_[\w-]+\n$/);
  await writeFile(tokenFile, token.stdout, { mode: 0o600 });

  const first = await agentOnce();
  expect(first).toMatchObject({ code: 0, stdout: "", stderr: "wrote db_password (db_pw version 1)\n" });
  const file = join(secretsDir, "db_password");
  expect(await readFile(file, "utf8")).toBe(VALUE);
  const info = await stat(file);
  expect(info.mode & 0o777).toBe(0o400);
  if (ROOT) expect([info.uid, info.gid]).toEqual([1000, 1000]);

  const rotated = await coffer(["secret", "rotate", "db_pw", "-"], { stdin: ROTATED });
  expect(rotated.stdout).toBe("db_pw rotated to version 2\n");
  expect(await agentOnce()).toMatchObject({ code: 0, stderr: "wrote db_password (db_pw version 2)\n" });
  expect(await readFile(file, "utf8")).toBe(ROTATED);
  expect((await stat(file)).ino).not.toBe(info.ino);
});

test("coffer run hands the command DB_PASSWORD_FILE, passes its exit code, and leaves nothing behind", async () => {
  const result = await coffer(["run", "--server", SERVER, "--token-file", tokenFile, "--", "sh", "-c", 'cat "$DB_PASSWORD_FILE"; exit 7'], {
    readsValue: true,
  });
  expect(result).toMatchObject({ code: 7, stdout: ROTATED, stderr: "" });
  expect(await readdir(runtimeDir)).toEqual([]);
});

test("unbinding removes the file, and only the agent's own files", async () => {
  await writeFile(join(secretsDir, "README"), "the operator's own notes");
  expect((await coffer(["service", "update", "db", "--secret-rm", "db_pw"])).code).toBe(0);
  expect(await agentOnce()).toMatchObject({ code: 0, stderr: "removed db_password\n" });
  expect((await readdir(secretsDir)).sort()).toEqual([".coffer-agent.json", "README"]);
});

test("removing the service stops its agent, and frees the secret", async () => {
  expect(await coffer(["service", "rm", "db"])).toMatchObject({ code: 0, stdout: "db\n" });
  const agent = await agentOnce();
  expect(agent.code).toBe(1);
  expect(agent.stderr).toMatch(/^the server refused the service token: /);
  expect(await coffer(["secret", "rm", "db_pw"])).toMatchObject({ code: 0, stdout: "db_pw\n", stderr: "" });
});

test("the audit trail holds the agent's reads, exports them and verifies", async () => {
  const exported = await coffer(["audit", "export", "--format", "jsonl", "--action", "secret.read", "--resource", "secret:db_pw"]);
  expect(exported.code).toBe(0);
  const reads = exported.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { actor: { label: string }; details: { version: number } });
  // One read per delivery: version 1, version 2 after the rotation, and coffer run's.
  expect(reads.map((r) => [r.actor.label, r.details.version])).toEqual([
    ["default/db", 1],
    ["default/db", 2],
    ["default/db", 2],
  ]);
  const csv = await coffer(["audit", "export", "--action", "secret.read"]);
  expect(csv.stdout.split("\r\n")[0]).toMatch(/^seq,time,actor_type,/);
  const verified = await coffer(["audit", "verify"]);
  expect(verified).toMatchObject({ code: 0, stderr: "" });
  expect(verified.stdout).toMatch(/^Signed tree head: +\d+ events, root /m);
  expect(verified.stdout).toMatch(/^Audit log intact: every sealed event matches the signed tree\.$/m);
});
