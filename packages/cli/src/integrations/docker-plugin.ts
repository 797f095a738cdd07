// `coffer docker-plugin`: Docker Swarm's secret driver. dockerd asks it for
// a secret's value when a task starts; it forwards the request, as dockerd
// sent it, to the Coffer server with the integration token, which decides
// (the Swarm service must map to a Coffer service bound to the secret) and
// audits. The plugin holds no secret: values pass through in memory.
import { resolve } from "node:path";
import type { DockerSwarmDelivery, SecretProviderRequest } from "../../../contracts/src/integrations/docker-swarm";
import { createApiClient } from "../api-client";
import { type CommandSpec, text } from "../args";
import type { Command } from "../command";
import { normalizeServer } from "../config-store";
import { UsageError } from "../errors";
import { integrationToken, readTokenFile } from "../workload/token-file";
import { userAgent } from "../session";
import { startDockerPlugin } from "./docker-plugin-server";
import { DEFAULT_PLUGIN_SOCKET } from "./docker-plugin-socket";

const spec: CommandSpec = {
  path: "docker-plugin",
  usage: "[OPTIONS]",
  summary: "Serve Docker Swarm's secret driver, taking values from Coffer",
  args: { min: 0, max: 0 },
  options: [
    { name: "server", type: "string", help: "Server URL (default: $COFFER_SERVER)" },
    { name: "token-file", type: "string", value: "file", help: "File holding a docker-swarm integration token (cfi_…), mode 0600" },
    { name: "socket", type: "string", value: "path", help: `Plugin socket (default ${DEFAULT_PLUGIN_SOCKET})` },
    { name: "insecure-token-file", type: "boolean", help: "Accept a token file that group or others can access" },
  ],
  details: `dockerd finds the plugin by its socket's name: /run/docker/plugins/NAME.sock serves
the driver NAME. A Swarm secret created with the driver takes its value from Coffer each
time a task starts:
  docker secret create --driver coffer db_pw
  docker service create --name web --secret db_pw IMAGE
The Swarm service must be a Coffer service of the integration's namespace bound to the
secret: by name, or by the Swarm service label coffer.service; the Coffer secret is the Swarm
secret's name or its label coffer.secret (NAME or NAME@VERSION). Otherwise the task is
refused with the reason. One line per delivery or refusal is logged on stderr; values never
are. Runs in the foreground; SIGINT or SIGTERM stops it and removes the socket.
Example:
  coffer docker-plugin --server https://coffer.example.com --token-file /etc/coffer/swarm.token`,
};

const DELIVERIES_PATH = "/api/v1/integrations/docker-swarm/deliveries";

export const dockerPluginCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const server = text(values, "server") ?? ctx.env.COFFER_SERVER;
    const tokenFile = text(values, "token-file");
    if (!server) throw new UsageError("--server URL is required (or set COFFER_SERVER)", spec.path);
    if (!tokenFile) throw new UsageError("--token-file is required", spec.path);
    const url = normalizeServer(server);
    const socketPath = resolve(ctx.cwd, text(values, "socket") ?? DEFAULT_PLUGIN_SOCKET);
    const token = await readTokenFile(
      tokenFile,
      { cwd: ctx.cwd, insecure: values["insecure-token-file"] === true },
      integrationToken("docker-swarm", "the Docker plugin"),
    );
    // Below dockerd's 30 s plugin timeout, so a slow server is a refusal
    // that names it rather than dockerd's own timeout error.
    const client = createApiClient({ server: url, token, userAgent: userAgent(), timeoutMs: 20_000 });
    const deliver = (request: SecretProviderRequest) => client.request<DockerSwarmDelivery>("POST", DELIVERIES_PATH, { body: request });

    const log = (line: string) => ctx.stderr.write(`${line}\n`);
    const plugin = await startDockerPlugin({ socketPath, deliver, log });
    log(`serving Docker's secret driver on ${socketPath}, taking values from ${url}`);
    const signal = await new Promise<NodeJS.Signals>((resolveSignal) => {
      const stop = (received: NodeJS.Signals) => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolveSignal(received);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    log(`${signal} received, stopping`);
    await plugin.close();
    return 0;
  },
};
