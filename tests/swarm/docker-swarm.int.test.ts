// Docker Swarm takes secret values from Coffer through `coffer docker-plugin`:
// a real dockerd in Swarm mode (tests/swarm/dockerd.ts), the real CLI as a
// child process, the real route handlers on a port. The cases share one
// Swarm and run in order (one Swarm per machine); each waits on dockerd
// with a generous bound, and nothing asserts how long anything took.
import { chmod, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "../../lib/auth/actor";
import { db } from "../../lib/db/client";
import { createIntegration } from "../../lib/integrations/create-integration";
import { createSecret } from "../../lib/secrets/create-secret";
import { rotateSecret } from "../../lib/secrets/rotate-secret";
import { addBinding } from "../../lib/services/bindings";
import { createService } from "../../lib/services/manage-services";
import { startBin } from "../../packages/cli/src/test-support/run-bin";
import { createUser } from "../support/factories";
import { startInProcessServer, type InProcessServer } from "../support/in-process-server";
import { IMAGE, missingDockerTools, startSwarm, waitFor, type Swarm } from "./dockerd";

const PW1 = "CANARY-swarm-pw-1-9c4e";
const PW2 = "CANARY-swarm-pw-2-9c4e";
// A name of this run's own: dockerd finds the plugin as /run/docker/plugins/NAME.sock.
const PLUGIN = `coffer-t${process.pid}`;
const SOCKET = `/run/docker/plugins/${PLUGIN}.sock`;

const missing = missingDockerTools();
// CI must run this test; a developer's machine without Docker skips it, saying so.
const skip = missing.length > 0 && !process.env.CI;
if (skip) console.warn(`skipping the Docker Swarm test: missing ${missing.join(", ")} (npm test installs docker.io and busybox-static)`);

const b64 = (text: string) => Buffer.from(text).toString("base64");

let swarm: Swarm | undefined;
let server: InProcessServer | undefined;
let plugin: ReturnType<typeof startBin> | undefined;
let scratch: string | undefined;
let owner: UserActor;
let integrationId: string;
const started = Date.now();

/** `docker service create -d`: a busybox task that keeps running, with a Swarm secret (db_pw) as /run/secrets/pw. */
async function createSwarmService(name: string, options: { label?: string; secret?: string } = {}): Promise<void> {
  const label = options.label ? ["--label", options.label] : [];
  const secret = ["--secret", `source=${options.secret ?? "db_pw"},target=pw`];
  // `sleep` as PID 1 ignores SIGTERM: a short grace period spares each replaced task Docker's 10 s wait.
  const task = ["--stop-grace-period", "1s", IMAGE, "sleep", "600"];
  await swarm!.dockerOk(["service", "create", "-d", "--name", name, ...label, ...secret, ...task]);
}

/** The running container of a Swarm service's task, once there is one other than `not`. */
async function runningContainer(service: string, not?: string): Promise<string> {
  return waitFor(async () => {
    const ids = (
      await swarm!.dockerOk([
        "ps",
        "-q",
        "--no-trunc",
        "--filter",
        `label=com.docker.swarm.service.name=${service}`,
        "--filter",
        "status=running",
      ])
    )
      .split("\n")
      .filter((id) => id && id !== not);
    return ids.length === 1 ? ids[0] : undefined;
  }, `a running task of ${service}`);
}

const readSecretIn = async (container: string) => swarm!.dockerOk(["exec", container, "cat", "/run/secrets/pw"]);
const taskIdOf = async (container: string) =>
  (await swarm!.dockerOk(["inspect", "--format", '{{index .Config.Labels "com.docker.swarm.task.id"}}', container])).trim();

const pluginLog = () => plugin?.output.stderr ?? "";

const readEvents = (outcome: "success" | "denied") =>
  db.auditEvent.findMany({ where: { action: "secret.read", outcome, resourceName: "db_pw" }, orderBy: { seq: "asc" } });
type Details = { version?: number; reason?: string; message?: string; integration?: { id: string }; swarm?: Record<string, string | null> };
const details = (event: { details: unknown }) => event.details as Details;

describe.skipIf(skip)("Docker Swarm with coffer docker-plugin", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    if (missing.length) throw new Error(`the Docker Swarm test needs ${missing.join(", ")} (apt-get install docker.io busybox-static)`);
    swarm = await startSwarm();
    server = await startInProcessServer();
    ({ actor: owner } = await createUser("swarm-owner@example.com", [{ role: "owner" }]));
    await createSecret(owner, "default", { name: "db_pw", data: { value: b64(PW1) } });
    await createService(owner, "default", { name: "web" });
    await createService(owner, "default", { name: "other" });
    await addBinding(owner, "default", "web", { secret: "db_pw" });
    const integration = await createIntegration(owner, "default", { kind: "docker-swarm", name: "test-swarm" });
    integrationId = integration.id;
    scratch = await mkdtemp(join(tmpdir(), "coffer-swarm-test-"));
    const tokenFile = join(scratch, "swarm.token");
    await writeFile(tokenFile, `${integration.token}\n`);
    await chmod(tokenFile, 0o600);
    plugin = startBin(["docker-plugin", "--server", server.url, "--token-file", tokenFile, "--socket", SOCKET]);
    await waitFor(async () => pluginLog().includes(`serving Docker's secret driver on ${SOCKET}`), "the plugin to listen", 30_000);
    await swarm.dockerOk(["secret", "create", "--driver", PLUGIN, "db_pw"]);
  }, 300_000);

  afterAll(async () => {
    // Each step on its own, so a failure in one still runs the others.
    if (plugin && plugin.child.exitCode === null) {
      plugin.child.kill("SIGTERM");
      await plugin.exit.catch(() => {});
    }
    await swarm?.stop().catch((error: unknown) => console.error("stopping the Swarm:", error));
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
    await rm(SOCKET, { force: true });
    console.log(`the Docker Swarm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  it("serves the plugin on a 0600 socket", async () => {
    expect((await stat(SOCKET)).mode & 0o777).toBe(0o600);
  });

  it("gives a bound service's task the Coffer value in /run/secrets, audited with its task and node", async () => {
    await createSwarmService("web");
    const container = await runningContainer("web");
    expect(await readSecretIn(container)).toBe(PW1);
    const taskId = await taskIdOf(container);
    expect(pluginLog()).toContain(
      `delivered db_pw: Coffer secret db_pw version 1 of service web to Swarm service web task ${taskId} node ${swarm!.nodeId}\n`,
    );
    const read = (await readEvents("success")).find((event) => details(event).swarm?.taskId === taskId);
    expect(read).toMatchObject({ actorType: "service", actorLabel: "default/web", namespace: "default" });
    expect(details(read!)).toMatchObject({
      version: 1,
      integration: { id: integrationId },
      swarm: { service: "web", taskId, node: swarm!.nodeId },
    });
    // The secret's reverse lookup names the Coffer service as its reader.
    const readers = await db.secretAccess.findMany({
      where: { secret: { name: "db_pw" } },
      select: { readerType: true, readerLabel: true },
    });
    expect(readers).toEqual([{ readerType: "service", readerLabel: "default/web" }]);
  });

  it("refuses an unbound service's task: it does not start, and the plugin log and the audit trail say why", async () => {
    await createSwarmService("other");
    // dockerd keeps the driver's Err to itself (the manager logs it at debug
    // level) and fails the task for the secret it could not get.
    const failed = await waitFor(async () => {
      const lines = (await swarm!.dockerOk(["service", "ps", "--no-trunc", "--format", "{{.CurrentState}}|{{.Error}}", "other"])).split(
        "\n",
      );
      return lines.find((line) => /^(Failed|Rejected)/.test(line));
    }, "a refused task of other");
    expect(failed).toMatch(/secret \w+ not found/);
    const reason = "service 'other' is not bound to secret 'db_pw' in namespace 'default': bind it first (bindings are the grant)";
    expect(pluginLog()).toMatch(new RegExp(`refused db_pw to Swarm service other task \\w+ node ${swarm!.nodeId}: ${escape(reason)}\n`));
    const [denied] = await readEvents("denied");
    expect(denied).toMatchObject({ actorLabel: "default/other" });
    expect(details(denied!)).toMatchObject({ reason: "not_bound", message: reason, swarm: { service: "other", node: swarm!.nodeId } });
    expect(details(denied!).swarm!.taskId).toMatch(/^\w+$/);
    // Swarm would retry the task for ever.
    await swarm!.dockerOk(["service", "rm", "other"]);
    expect(
      (await swarm!.dockerOk(["ps", "-q", "--filter", "label=com.docker.swarm.service.name=other", "--filter", "status=running"])).trim(),
    ).toBe("");
  });

  it("maps a Swarm service to its Coffer service by the label coffer.service", async () => {
    await createSwarmService("web-blue", { label: "coffer.service=web" });
    expect(await readSecretIn(await runningContainer("web-blue"))).toBe(PW1);
    expect(pluginLog()).toMatch(/delivered db_pw: Coffer secret db_pw version 1 of service web to Swarm service web-blue task \w+ node /);
    const reads = await readEvents("success");
    expect(details(reads.at(-1)!).swarm).toMatchObject({ service: "web-blue" });
    expect(reads.at(-1)).toMatchObject({ actorLabel: "default/web" });
  });

  it("after a rotation, docker service update --force gives the new task the new value", async () => {
    const before = await runningContainer("web");
    await rotateSecret(owner, "default", "db_pw", { data: { value: b64(PW2) } });
    // The old task keeps what it was given: Docker reads secrets at task start.
    expect(await readSecretIn(before)).toBe(PW1);
    await swarm!.dockerOk(["service", "update", "-d", "--force", "web"]);
    const after = await runningContainer("web", before);
    expect(await readSecretIn(after)).toBe(PW2);
    expect(pluginLog()).toContain(
      `delivered db_pw: Coffer secret db_pw version 2 of service web to Swarm service web task ${await taskIdOf(after)}`,
    );
  });

  it("takes the Coffer secret, and a version, from the Swarm secret's label coffer.secret", async () => {
    await swarm!.dockerOk(["secret", "create", "--driver", PLUGIN, "--label", "coffer.secret=db_pw@1", "db_pw_v1"]);
    await createSwarmService("web-pinned", { label: "coffer.service=web", secret: "db_pw_v1" });
    expect(await readSecretIn(await runningContainer("web-pinned"))).toBe(PW1);
    expect(pluginLog()).toMatch(
      /delivered db_pw_v1: Coffer secret db_pw version 1 of service web to Swarm service web-pinned task \w+ node /,
    );
  });

  it("never writes a value to the plugin's log", () => {
    for (const value of [PW1, PW2]) {
      expect(pluginLog()).not.toContain(value);
      expect(pluginLog()).not.toContain(b64(value));
    }
  });

  it("stops on SIGTERM and removes its socket", async () => {
    plugin!.child.kill("SIGTERM");
    expect(await plugin!.exit).toEqual({ code: 0, signal: null });
    expect(pluginLog()).toMatch(/SIGTERM received, stopping\n$/);
    await expect(stat(SOCKET)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
