// Docker's legacy plugin protocol, secret provider part, on a unix socket:
// dockerd activates the plugin once, then asks for a secret each time Swarm
// schedules a task that uses one. Each answer comes from `deliver` (the
// Coffer server); a refusal is an Err that dockerd shows on the task.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { unlink } from "node:fs/promises";
import {
  DOCKER_PLUGIN_CONTENT_TYPE,
  type DockerSwarmDelivery,
  type SecretProviderRequest,
  type SecretProviderResponse,
} from "../../../contracts/src/integrations/docker-swarm";
import { ApiError, ConnectError, CliError } from "../errors";
import { listenOnSocket } from "./docker-plugin-socket";

export type DeliverSecret = (request: SecretProviderRequest) => Promise<DockerSwarmDelivery>;

export type DockerPluginOptions = {
  socketPath: string;
  deliver: DeliverSecret;
  /** One line per delivery or refusal; never given a value. */
  log: (line: string) => void;
};

export type DockerPlugin = { close(): Promise<void> };

// dockerd's requests are a few hundred bytes; anything this large is not dockerd.
const MAX_BODY_BYTES = 1 << 20;

export async function startDockerPlugin({ socketPath, deliver, log }: DockerPluginOptions): Promise<DockerPlugin> {
  const connections = new Set<Socket>();
  const server = createServer((request, response) => {
    void handle(request, response, deliver, log);
  });
  server.on("connection", (socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
  });
  await listenOnSocket(server, socketPath);
  return {
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of connections) socket.destroy();
      await closed;
      // server.close() unlinks the socket on Linux; this covers the rest.
      await unlink(socketPath).catch(() => {});
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, deliver: DeliverSecret, log: (line: string) => void) {
  const path = (request.url ?? "").split("?")[0];
  if (path !== "/Plugin.Activate" && path !== "/SecretProvider.GetSecret") {
    request.resume();
    return answer(response, 404, { Err: `unknown plugin endpoint ${path}` });
  }
  if (request.method !== "POST") {
    request.resume();
    return answer(response, 405, { Err: `${path} takes POST` });
  }
  let body: unknown;
  try {
    body = await readJson(request);
  } catch (error) {
    return answer(response, 400, { Err: (error as Error).message });
  }
  if (path === "/Plugin.Activate") return answer(response, 200, { Implements: ["secretprovider"] });
  answer(response, 200, await getSecret(body, deliver, log));
}

async function getSecret(body: unknown, deliver: DeliverSecret, log: (line: string) => void): Promise<SecretProviderResponse> {
  const request = body as SecretProviderRequest;
  if (typeof request !== "object" || request === null || typeof request.SecretName !== "string" || !request.SecretName) {
    log("refused a request without SecretName");
    return { Err: "coffer: the request names no secret (SecretName)" };
  }
  const where = swarmPlace(request);
  try {
    const delivery = await deliver(request);
    log(
      `delivered ${request.SecretName}: Coffer secret ${delivery.secret} version ${delivery.version} of service ${delivery.service} to ${where}`,
    );
    // DoNotReuse: Swarm asks again for every task, so `docker service
    // update --force` after a rotation gives new tasks the new version.
    return { Value: delivery.value, DoNotReuse: true };
  } catch (error) {
    const reason = refusalReason(error);
    log(`refused ${request.SecretName} to ${where}: ${reason}`);
    return { Err: `coffer: ${reason}` };
  }
}

/** Swarm service, task and node of a request, for the log (names and ids only). */
function swarmPlace(request: SecretProviderRequest): string {
  const service = request.ServiceName || request.ServiceID || "?";
  return `Swarm service ${service} task ${request.TaskID || "?"} node ${request.NodeID || "?"}`;
}

function refusalReason(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof ConnectError || error instanceof CliError) return error.message;
  // Nothing from an unknown error is quoted: its text could carry anything.
  return "unexpected error in the plugin";
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("error", reject);
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (raw.trim() === "") return resolve({});
      try {
        resolve(JSON.parse(raw));
      } catch {
        reject(new Error("the request body is not JSON"));
      }
    });
  });
}

function answer(response: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": DOCKER_PLUGIN_CONTENT_TYPE, "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}
