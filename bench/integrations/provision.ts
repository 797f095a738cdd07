// The integration benchmark's fixtures, made through the API as an
// operator would: one secret bound to one service (with a service token,
// for the runtime baseline), a docker-swarm integration that delivers it,
// and a kubernetes-kms integration. Each path is checked once before it is
// measured, so a wrong answer stops the run instead of being timed.
import { randomBytes, randomUUID } from "node:crypto";
import { api } from "../support/instance";

export const NAMESPACE = "default";
export const SECRET = "bench-db-pw";
export const SERVICE = "bench-web";
export const RUNTIME_PATH = "/api/v1/runtime/secrets";
export const DELIVERY_PATH = "/api/v1/integrations/docker-swarm/deliveries";
export const KMS_STATUS_PATH = "/api/v1/integrations/kubernetes-kms/status";
export const KMS_ENCRYPT_PATH = "/api/v1/integrations/kubernetes-kms/encrypt";
export const KMS_DECRYPT_PATH = "/api/v1/integrations/kubernetes-kms/decrypt";
/** What a KMS v2 apiserver encrypts: its 32-byte DEK seed. */
export const PLAINTEXT_BYTES = 32;

export type Fixtures = {
  serviceToken: string;
  swarmToken: string;
  kmsToken: string;
  /** One Encrypt's answer, which every measured Decrypt sends back. */
  sealed: { ciphertext: string; keyId: string };
};

export async function provision(base: string, ownerToken: string): Promise<Fixtures> {
  const call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => api<T>(base, ownerToken, method, path, body);
  // A typical small credential: 48 random bytes as base64, one key (Docker takes one value per secret).
  await call("POST", `/api/v1/namespaces/${NAMESPACE}/secrets`, {
    name: SECRET,
    stringData: { value: randomBytes(48).toString("base64") },
  });
  await call("POST", `/api/v1/namespaces/${NAMESPACE}/services`, { name: SERVICE, description: "integration benchmark" });
  await call("POST", `/api/v1/namespaces/${NAMESPACE}/services/${SERVICE}/bindings`, { secret: SECRET, target: "db_pw" });
  const { token: serviceToken } = await call<{ token: string }>("POST", `/api/v1/namespaces/${NAMESPACE}/services/${SERVICE}/tokens`, {
    name: "bench",
  });
  const integration = (kind: string, name: string) =>
    call<{ token: string }>("POST", `/api/v1/namespaces/${NAMESPACE}/integrations`, { kind, name }).then((r) => r.token);
  const swarmToken = await integration("docker-swarm", "bench-swarm");
  const kmsToken = await integration("kubernetes-kms", "bench-kms");

  const runtime = await api<{ secrets: unknown[] }>(base, serviceToken, "GET", RUNTIME_PATH);
  if (runtime.secrets.length !== 1) throw new Error(`runtime fetch delivered ${runtime.secrets.length} secrets, not 1`);
  const delivered = await api<{ value: string; secret: string }>(base, swarmToken, "POST", DELIVERY_PATH, JSON.parse(swarmRequestBody(0)));
  if (delivered.secret !== SECRET || !delivered.value) throw new Error(`delivery answered ${JSON.stringify(Object.keys(delivered))}`);
  const status = await api<{ healthz: string; keyId: string }>(base, kmsToken, "GET", KMS_STATUS_PATH);
  if (status.healthz !== "ok") throw new Error(`KMS status healthz is ${status.healthz}`);
  const plaintext = randomBytes(PLAINTEXT_BYTES);
  const sealed = await api<{ ciphertext: string; keyId: string }>(base, kmsToken, "POST", KMS_ENCRYPT_PATH, {
    plaintext: plaintext.toString("base64"),
    uid: randomUUID(),
  });
  if (sealed.keyId !== status.keyId) throw new Error(`Encrypt's key id ${sealed.keyId} is not Status's ${status.keyId}`);
  const opened = await api<{ plaintext: string }>(base, kmsToken, "POST", KMS_DECRYPT_PATH, JSON.parse(decryptBody(sealed)));
  if (opened.plaintext !== plaintext.toString("base64")) throw new Error("Decrypt did not give back the plaintext Encrypt was given");
  return { serviceToken, swarmToken, kmsToken, sealed };
}

/** Requests the checks above sent on each path, for the audit reconciliation. */
export const CHECK_CALLS = { runtime: 1, delivery: 1, status: 1, encrypt: 1, decrypt: 1 } as const;

/**
 * dockerd's GetSecret for task `n` of the service, shaped as STACK.md
 * records it: each Swarm task start asks with its own task id.
 */
export function swarmRequestBody(n: number): string {
  return JSON.stringify({
    SecretName: SECRET,
    SecretLabels: {},
    ServiceID: "benchsvc0000000000000000",
    ServiceName: SERVICE,
    TaskID: `benchtask${n.toString(36).padStart(16, "0")}`,
    TaskName: `${SERVICE}.${(n % 50) + 1}.benchtask${n.toString(36)}`,
    TaskImage: "localbusy:1",
    NodeID: "benchnode000000000000000",
    ServiceEndpointSpec: {},
  });
}

// Pools made before the clock starts, so the load generator's CPU goes to requests, not to random bytes.
const pool = <T>(make: () => T) => Array.from({ length: 256 }, make);
const encryptPool = pool(() => JSON.stringify({ plaintext: randomBytes(PLAINTEXT_BYTES).toString("base64"), uid: randomUUID() }));
const uids = pool(() => randomUUID());

/** An apiserver's Encrypt of a fresh DEK seed. */
export const encryptBody = (n: number) => encryptPool[n % encryptPool.length]!;

/** An apiserver's Decrypt of a stored DEK seed (a watch-cache fill after a restart). */
export function decryptBody(sealed: Fixtures["sealed"], n = 0): string {
  return JSON.stringify({ ciphertext: sealed.ciphertext, keyId: sealed.keyId, annotations: {}, uid: uids[n % uids.length] });
}
