// `coffer docker-plugin` (the built CLI, as a child process) against the
// real route handlers, spoken to the way dockerd speaks to it. Needs no
// Docker, so the refusals that are awkward to stage in a Swarm run
// everywhere: each one is an Err naming the reason, never a value.
import { request } from "node:http";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "../../lib/auth/actor";
import { createIntegration } from "../../lib/integrations/create-integration";
import { revokeIntegration } from "../../lib/integrations/revoke-integration";
import { createSecret } from "../../lib/secrets/create-secret";
import { deleteSecret } from "../../lib/secrets/delete-secret";
import { addBinding } from "../../lib/services/bindings";
import { createService } from "../../lib/services/manage-services";
import { DOCKER_PLUGIN_CONTENT_TYPE, type SecretProviderRequest } from "../../packages/contracts/src/integrations/docker-swarm";
import { startBin } from "../../packages/cli/src/test-support/run-bin";
import { createUser } from "../support/factories";
import { startInProcessServer, type InProcessServer } from "../support/in-process-server";
import { waitFor } from "./dockerd";

const PW = "CANARY-plugin-pw-51d0";
const b64 = (text: string) => Buffer.from(text).toString("base64");

let server: InProcessServer;
let owner: UserActor;
let dir: string;
const plugins: ReturnType<typeof startBin>[] = [];

/** Starts the plugin with a token on a socket of its own; resolves to that socket. */
async function startPlugin(token: string, name: string): Promise<{ socket: string; log: () => string }> {
  const tokenFile = join(dir, `${name}.token`);
  await writeFile(tokenFile, token);
  await chmod(tokenFile, 0o600);
  const socket = join(dir, `${name}.sock`);
  const plugin = startBin(["docker-plugin", "--server", server.url, "--token-file", tokenFile, "--socket", socket]);
  plugins.push(plugin);
  await waitFor(async () => plugin.output.stderr.includes("serving Docker's secret driver"), "the plugin to listen", 30_000);
  return { socket, log: () => plugin.output.stderr };
}

/** What dockerd sends when Swarm schedules a task of `service` that uses `secret`. */
function getSecret(socket: string, ask: Partial<SecretProviderRequest>): Promise<Record<string, unknown>> {
  const body: SecretProviderRequest = { SecretName: "db_pw", ServiceName: "web", ServiceID: "s1", TaskID: "t1", NodeID: "n1", ...ask };
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath: socket, path: "/SecretProvider.GetSecret", method: "POST", headers: { "Content-Type": DOCKER_PLUGIN_CONTENT_TYPE } },
      (res) => {
        let raw = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
        res.on("end", () => resolve(JSON.parse(raw)));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  server = await startInProcessServer();
  ({ actor: owner } = await createUser("plugin-owner@example.com", [{ role: "owner" }]));
  dir = await mkdtemp(join(tmpdir(), "coffer-plugin-int-"));
  await createSecret(owner, "default", { name: "db_pw", data: { value: b64(PW) } });
  await createSecret(owner, "default", { name: "old_pw", data: { value: b64(PW) } });
  await createService(owner, "default", { name: "web" });
  await addBinding(owner, "default", "web", { secret: "db_pw" });
});

afterAll(async () => {
  for (const plugin of plugins) if (plugin.child.exitCode === null) plugin.child.kill("SIGTERM");
  await Promise.all(plugins.map((plugin) => plugin.exit.catch(() => {})));
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("coffer docker-plugin against the Coffer server", { timeout: 60_000 }, () => {
  it("delivers a bound secret and answers each refusal with its reason", async () => {
    const { token } = await createIntegration(owner, "default", { kind: "docker-swarm", name: "plugin-test" });
    const { socket, log } = await startPlugin(token, "swarm");
    expect(await getSecret(socket, {})).toEqual({ Value: b64(PW), DoNotReuse: true });
    expect(await getSecret(socket, { ServiceName: "api" })).toEqual({
      Err: "coffer: no Coffer service 'api' in namespace 'default' (set the Swarm service label coffer.service)",
    });
    expect(await getSecret(socket, { SecretName: "nope" })).toEqual({
      Err: "coffer: no Coffer secret 'nope' in namespace 'default' (set the Swarm secret label coffer.secret)",
    });
    // A bound secret cannot be deleted; a deleted one is refused before bindings are looked at.
    await deleteSecret(owner, "default", "old_pw");
    expect(await getSecret(socket, { SecretName: "old_pw" })).toEqual({
      Err: "coffer: secret 'old_pw' in namespace 'default' was deleted",
    });
    expect(log()).toContain("refused old_pw to Swarm service web task t1 node n1: secret 'old_pw' in namespace 'default' was deleted\n");
    expect(log()).not.toContain(PW);
    expect(log()).not.toContain(b64(PW));
  });

  it("gives nothing once the integration is revoked", async () => {
    const integration = await createIntegration(owner, "default", { kind: "docker-swarm", name: "revoked-test" });
    const { socket } = await startPlugin(integration.token, "revoked");
    expect(await getSecret(socket, {})).toMatchObject({ Value: b64(PW) });
    await revokeIntegration(owner, "default", integration.id);
    expect(await getSecret(socket, {})).toEqual({ Err: "coffer: the integration token is revoked" });
  });

  it("says so when the Coffer server cannot be reached", async () => {
    const { token } = await createIntegration(owner, "default", { kind: "docker-swarm", name: "unreachable-test" });
    const { socket } = await startPlugin(token, "unreachable");
    await server.close();
    const answer = await getSecret(socket, {});
    server = await startInProcessServer();
    expect(answer.Err).toMatch(/^coffer: Cannot connect to the Coffer server at http:\/\/127\.0\.0\.1:\d+: /);
  });
});
