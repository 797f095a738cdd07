// Docker's legacy plugin protocol on a real unix socket, spoken the way
// dockerd speaks it (POST, JSON, the plugin content type). `deliver` stands
// in for the Coffer server, whose side tests/swarm drives for real.
import { request } from "node:http";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DOCKER_PLUGIN_CONTENT_TYPE, type SecretProviderRequest } from "../../../contracts/src/integrations/docker-swarm";
import { ApiError, ConnectError } from "../errors";
import { type DeliverSecret, type DockerPlugin, startDockerPlugin } from "./docker-plugin-server";

const CANARY = "CANARY-docker-plugin-4b1e";
const TASK: SecretProviderRequest = {
  SecretName: "db_pw",
  SecretLabels: {},
  ServiceID: "svc123",
  ServiceName: "web",
  TaskID: "task456",
  TaskName: "web.1.task456",
  TaskImage: "localbusy:1",
  NodeID: "node789",
  ServiceEndpointSpec: {},
};

let dir: string;
let socketPath: string;
let plugin: DockerPlugin | undefined;
let lines: string[];
let received: SecretProviderRequest[];

function post(path: string, body: unknown, method = "POST"): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    const req = request({ socketPath, path, method, headers: { "Content-Type": DOCKER_PLUGIN_CONTENT_TYPE } }, (res) => {
      let raw = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), json: JSON.parse(raw) }));
    });
    req.on("error", reject);
    req.end(text);
  });
}

async function start(deliver: DeliverSecret) {
  plugin = await startDockerPlugin({
    socketPath,
    log: (line) => lines.push(line),
    deliver: (req) => {
      received.push(req);
      return deliver(req);
    },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "coffer-docker-plugin-"));
  socketPath = join(dir, "plugins", "coffer.sock");
  lines = [];
  received = [];
});

afterEach(async () => {
  await plugin?.close();
  plugin = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe("coffer docker-plugin's socket", () => {
  it("activates as a secret provider on a 0600 socket in a 0755 directory it creates", async () => {
    await start(() => Promise.reject(new Error("not called")));
    expect((await stat(socketPath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, "plugins"))).mode & 0o777).toBe(0o755);
    const answer = await post("/Plugin.Activate", undefined);
    expect(answer).toEqual({ status: 200, type: DOCKER_PLUGIN_CONTENT_TYPE, json: { Implements: ["secretprovider"] } });
  });

  it("forwards GetSecret as dockerd sent it and answers the value with DoNotReuse", async () => {
    const value = Buffer.from(CANARY).toString("base64");
    await start(() => Promise.resolve({ value, service: "web", secret: "db_pw", version: 3 }));
    const answer = await post("/SecretProvider.GetSecret", TASK);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ Value: value, DoNotReuse: true });
    expect(received).toEqual([TASK]);
    expect(lines).toEqual(["delivered db_pw: Coffer secret db_pw version 3 of service web to Swarm service web task task456 node node789"]);
  });

  it("answers the server's refusal as Err and logs the reason", async () => {
    await start(() =>
      Promise.reject(new ApiError(403, "forbidden", "the Coffer service 'other' is not bound to the secret 'db_pw'", "http://coffer")),
    );
    const answer = await post("/SecretProvider.GetSecret", { ...TASK, ServiceName: "other" });
    expect(answer.json).toEqual({ Err: "coffer: the Coffer service 'other' is not bound to the secret 'db_pw'" });
    expect(lines).toEqual([
      "refused db_pw to Swarm service other task task456 node node789: the Coffer service 'other' is not bound to the secret 'db_pw'",
    ]);
  });

  it("says the server is unreachable, and quotes nothing of an unexpected error", async () => {
    await start(() => Promise.reject(new ConnectError("http://127.0.0.1:1", "connect ECONNREFUSED 127.0.0.1:1")));
    expect((await post("/SecretProvider.GetSecret", TASK)).json).toEqual({
      Err: "coffer: Cannot connect to the Coffer server at http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1",
    });
    await plugin!.close();
    await start(() => Promise.reject(new Error(`boom ${CANARY}`)));
    expect((await post("/SecretProvider.GetSecret", TASK)).json).toEqual({ Err: "coffer: unexpected error in the plugin" });
    expect(lines.join("\n")).not.toContain(CANARY);
  });

  it("refuses a request without SecretName, a body that is not JSON, other methods and other paths", async () => {
    await start(() => Promise.reject(new Error("not called")));
    expect(await post("/SecretProvider.GetSecret", { ServiceName: "web" })).toMatchObject({
      status: 200,
      json: { Err: "coffer: the request names no secret (SecretName)" },
    });
    expect(await post("/SecretProvider.GetSecret", "{nope")).toMatchObject({ status: 400, json: { Err: "the request body is not JSON" } });
    expect(await post("/SecretProvider.GetSecret", undefined, "GET")).toMatchObject({ status: 405 });
    expect(await post("/VolumeDriver.Create", {})).toMatchObject({
      status: 404,
      type: DOCKER_PLUGIN_CONTENT_TYPE,
      json: { Err: "unknown plugin endpoint /VolumeDriver.Create" },
    });
    expect(received).toEqual([]);
  });

  it("never logs a value (canary), whatever the secret and service are called", async () => {
    const value = Buffer.from(CANARY).toString("base64");
    await start(() => Promise.resolve({ value, service: "web", secret: "db_pw", version: 1 }));
    for (let i = 0; i < 3; i++) await post("/SecretProvider.GetSecret", { ...TASK, TaskID: `t${i}` });
    const log = lines.join("\n");
    expect(lines).toHaveLength(3);
    for (const form of [CANARY, value, Buffer.from(CANARY).toString("hex")]) expect(log).not.toContain(form);
  });

  it("closes and removes its socket", async () => {
    await start(() => Promise.reject(new Error("not called")));
    await plugin!.close();
    plugin = undefined;
    await expect(stat(socketPath)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
