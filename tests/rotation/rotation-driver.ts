// How the rotation tests set a policy and run it: the owner's HTTP API
// (PUT …/rotation, POST …/rotation/run, reveal, new versions), and the
// runner's runDueRotations for a due time, as the job worker's step runs it.
import { db } from "../../lib/db/client";
import { runDueRotations } from "../../lib/rotation/run-rotation";
import type { RotatorConfig } from "../../lib/rotation/rotators/rotator";
import type { SecretEntries } from "../../lib/secrets/secret-data";

export type Api = { url: string; token: string };

async function call(api: Api, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1/namespaces/default${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

export async function revealEntries(api: Api, name: string, version?: number): Promise<{ version: number; entries: SecretEntries }> {
  const response = await call(api, "GET", `/secrets/${name}/value${version ? `?version=${version}` : ""}`);
  if (response.status !== 200) throw new Error(`revealing ${name}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { version: number; data: Record<string, string> };
  return { version: body.version, entries: new Map(Object.entries(body.data).map(([key, value]) => [key, Buffer.from(value, "base64")])) };
}

export async function writeVersion(api: Api, name: string, entries: SecretEntries): Promise<number> {
  const data = Object.fromEntries([...entries].map(([key, value]) => [key, value.toString("base64")]));
  const response = await call(api, "POST", `/secrets/${name}/versions`, { data });
  if (response.status !== 201) throw new Error(`writing ${name}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { version: number }).version;
}

export type Policy = {
  secret: string;
  rotator: RotatorConfig;
  generator: { length: number; alphabet: "symbols" | "base64" | "alphanumeric" | "hex" };
};

/** The API's answer when it refuses: status and message. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** PUT …/rotation: the rotator's check runs against the server; a problem is a 400 naming it, nothing saved. */
export async function configureRotation(api: Api, policy: Policy): Promise<void> {
  const body = { every: "30d", generator: policy.generator, rotator: policy.rotator };
  const response = await call(api, "PUT", `/secrets/${policy.secret}/rotation`, body);
  if (response.status === 200) return;
  const answer = (await response.json()) as { error?: { message?: string } };
  throw new Refused(response.status, answer.error?.message ?? "");
}

export type RunResult = { ok: true; version: number } | { ok: false; error: string };

/** Makes the policy due at `due` and runs what is due then, as the job worker's step does. */
export async function runDue(policy: Policy, due: Date): Promise<RunResult> {
  const secret = await db.secret.findFirstOrThrow({ where: { name: policy.secret, deletedAt: null }, select: { id: true } });
  await db.rotationPolicy.update({ where: { secretId: secret.id }, data: { nextRunAt: due } });
  const counts = await runDueRotations(due);
  const row = await db.rotationPolicy.findUniqueOrThrow({ where: { secretId: secret.id } });
  if (counts.rotated === 1 && row.lastVersion) return { ok: true, version: row.lastVersion };
  return { ok: false, error: row.lastError ?? `unexpected counts ${JSON.stringify(counts)}` };
}

/** POST …/rotation/run: rotates now and answers the outcome. */
export async function runNow(api: Api, policy: Policy): Promise<RunResult> {
  const response = await call(api, "POST", `/secrets/${policy.secret}/rotation/run`);
  if (response.status !== 200) throw new Error(`running ${policy.secret}: ${response.status} ${await response.text()}`);
  const result = (await response.json()) as { rotated: boolean; version: number | null; error: string | null };
  return result.rotated ? { ok: true, version: result.version! } : { ok: false, error: result.error! };
}
