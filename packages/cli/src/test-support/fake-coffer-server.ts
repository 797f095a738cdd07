// A stand-in for the Coffer API (DESIGN 7) on a real node:http server, for
// the CLI's end-to-end tests while the real routes are being built. It
// records every request and answers per the contract, keeping secrets in
// memory. It is deliberately simple: it checks what the CLI sends, not
// what the server enforces.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SecretDetail, SecretSummary, SecretVersion } from "../secret/types";
import { buildLog } from "./audit-log-fixture";
import { fakeAuditRoutes, type FakeAuditLog } from "./fake-audit";
import { HttpError } from "./fake-http-error";
import { fakeServices, type RuntimeKnobs, type StoredService } from "./fake-services";

export type RecordedRequest = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  json: unknown;
  /** The status answered. */
  status?: number;
};

type StoredVersion = Omit<SecretVersion, "current" | "keys" | "sizeBytes"> & { data: Record<string, Buffer> };
// What the server derives (sizes, reads, staleness) is not stored.
type StoredSecret = Omit<SecretSummary, "keys" | "version" | "sizeBytes" | "lastReadAt" | "stale"> & { versions: StoredVersion[]; current: number };

export type FakeCoffer = {
  url: string;
  token: string;
  requests: RecordedRequest[];
  secrets: Map<string, StoredSecret>;
  services: Map<string, StoredService>;
  runtime: RuntimeKnobs;
  /** The audit log's tree, key and verification report (fake-audit.ts). */
  audit: FakeAuditLog;
  /** Stores new data for a secret as its next version, as `secret rotate` does. */
  rotate(namespace: string, name: string, data: Record<string, string | Buffer>): void;
  close(): Promise<void>;
};

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
const T0 = "2024-05-01T10:00:00.000Z";

export function detailOf(secret: StoredSecret): SecretDetail {
  const versions = secret.versions.map((v) => {
    const keys = Object.entries(v.data).map(([name, bytes]) => ({ name, size: bytes.length }));
    return { version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, keys, sizeBytes: keys.reduce((n, k) => n + k.size, 0), current: v.version === secret.current };
  });
  const current = versions.find((v) => v.current)!;
  return {
    id: secret.id,
    name: secret.name,
    namespace: secret.namespace,
    type: secret.type,
    labels: secret.labels,
    immutable: secret.immutable,
    createdAt: secret.createdAt,
    updatedAt: secret.updatedAt,
    version: secret.current,
    keys: current.keys,
    sizeBytes: current.sizeBytes,
    lastReadAt: null,
    stale: false,
    versions,
    inspect: {
      ID: secret.id,
      Version: { Index: secret.versions.length + 10 },
      CreatedAt: secret.createdAt,
      UpdatedAt: secret.updatedAt,
      Spec: { Name: secret.name, Labels: secret.labels },
    },
    boundServices: [],
    reads: [],
  };
}

function summaryOf(secret: StoredSecret): SecretSummary {
  const detail: Partial<SecretDetail> = { ...detailOf(secret) };
  delete detail.versions;
  delete detail.inspect;
  delete detail.boundServices;
  delete detail.reads;
  return detail as SecretSummary;
}

function decodeData(data: unknown): Record<string, Buffer> {
  if (!data || typeof data !== "object" || !Object.keys(data).length) throw new HttpError(400, "bad_request", "data: at least one key is required");
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(String(value), "base64")]));
}

function matches(secret: StoredSecret, filters: string[]): boolean {
  return filters.every((filter) => {
    const [kind, ...rest] = filter.split("=");
    const value = rest.join("=");
    if (kind === "name") return secret.name.startsWith(value);
    const [key, ...want] = value.split("=");
    if (!(key! in secret.labels)) return false;
    return want.length === 0 || secret.labels[key!] === want.join("=");
  });
}

export async function startFakeCoffer(options: { email?: string; password?: string } = {}): Promise<FakeCoffer> {
  const token = `cfp_${randomBytes(16).toString("base64url")}`;
  const requests: RecordedRequest[] = [];
  const secrets = new Map<string, StoredSecret>();
  const credentials = { email: options.email ?? "ada@example.com", password: options.password ?? "correct horse" };
  const serviceRoutes = fakeServices(secrets);
  const fixture = buildLog();
  const audit: FakeAuditLog = { key: fixture.key, signer: fixture.key, leaves: fixture.rows.map((r) => Buffer.from(r.leafHash!, "base64")), report: null };
  const auditRoutes = fakeAuditRoutes(audit);

  function handle(method: string, url: URL, json: unknown, headers: IncomingMessage["headers"]): [number, unknown, Record<string, string>?] {
    const body = (json ?? {}) as Record<string, unknown>;
    const auth = headers.authorization;
    if (method === "GET" && url.pathname === "/api/v1/runtime/secrets") return serviceRoutes.handleRuntime(auth, headers["if-none-match"]);
    if (method === "POST" && url.pathname === "/api/v1/auth/token") {
      if (body.email !== credentials.email || body.password !== credentials.password) {
        throw new HttpError(401, "unauthorized", "invalid email or password");
      }
      return [201, { token, id: "tok1", name: body.name, expiresAt: null }];
    }
    if (auth !== `Bearer ${token}`) throw new HttpError(401, "unauthorized", "invalid or expired token");
    const serviceAnswer = serviceRoutes.handleServices(method, url.pathname, body) ?? auditRoutes(method, url);
    if (serviceAnswer) return serviceAnswer;

    const match = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+)(?:\/(versions|rollback))?)?$/.exec(url.pathname);
    if (!match) throw new HttpError(404, "not_found", "no such route");
    const ns = decodeURIComponent(match[1]!);
    const name = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const sub = match[3];

    if (name === undefined && method === "GET") {
      const filters = url.searchParams.getAll("filter");
      const list = [...secrets.values()].filter((s) => s.namespace === ns && matches(s, filters));
      return [200, { secrets: list.map(summaryOf) }];
    }
    if (name === undefined && method === "POST") {
      const secretName = String(body.name ?? "");
      if (!NAME.test(secretName)) throw new HttpError(400, "bad_request", `name: invalid secret name "${secretName}"`);
      if (secrets.has(`${ns}/${secretName}`)) throw new HttpError(409, "conflict", `secret ${secretName} already exists`);
      const secret: StoredSecret = {
        id: randomBytes(16).toString("hex").slice(0, 25),
        name: secretName,
        namespace: ns,
        type: typeof body.type === "string" ? body.type : "Opaque",
        labels: (body.labels as Record<string, string>) ?? {},
        immutable: body.immutable === true,
        createdAt: T0,
        updatedAt: T0,
        current: 1,
        versions: [{ version: 1, createdAt: T0, createdBy: credentials.email, data: decodeData(body.data) }],
      };
      secrets.set(`${ns}/${secretName}`, secret);
      return [201, detailOf(secret)];
    }

    const secret = secrets.get(`${ns}/${name}`);
    if (!secret) throw new HttpError(404, "not_found", `secret ${name} not found`);
    if (!sub && method === "GET") return [200, detailOf(secret)];
    if (!sub && method === "DELETE") {
      const users = secret.labels["test.in-use-by"] ? [secret.labels["test.in-use-by"]] : serviceRoutes.usersOf(ns, name!);
      if (users.length) {
        throw new HttpError(409, "conflict", `secret '${name}' is in use by the following service${users.length > 1 ? "s" : ""}: ${users.join(", ")}`);
      }
      secrets.delete(`${ns}/${name}`);
      return [204, undefined];
    }
    if (sub === "versions" && method === "GET") return [200, { versions: detailOf(secret).versions }];
    if (sub === "versions" && method === "POST") {
      if (secret.immutable) throw new HttpError(409, "conflict", `secret ${name} is immutable`);
      return [201, addVersion(secret, decodeData(body.data))];
    }
    if (sub === "rollback" && method === "POST") {
      const old = secret.versions.find((v) => v.version === body.version);
      if (!old) throw new HttpError(404, "not_found", `version ${String(body.version)} of secret ${name} not found`);
      return [200, addVersion(secret, old.data)];
    }
    throw new HttpError(405, "bad_request", "method not allowed");
  }

  function addVersion(secret: StoredSecret, data: Record<string, Buffer>): SecretDetail {
    const version = Math.max(...secret.versions.map((v) => v.version)) + 1;
    secret.versions.push({ version, createdAt: T0, createdBy: credentials.email, data });
    secret.current = version;
    return detailOf(secret);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const request: RecordedRequest = { method: req.method!, url: req.url!, headers: req.headers, body, json };
      requests.push(request);
      try {
        const [status, answer, headers = {}] = handle(req.method!, new URL(req.url!, "http://fake"), json, req.headers);
        request.status = status;
        res.writeHead(status, answer === undefined ? headers : { ...headers, "Content-Type": "application/json" });
        res.end(answer === undefined ? undefined : JSON.stringify(answer));
      } catch (error) {
        const e = error instanceof HttpError ? error : new HttpError(500, "internal", "internal error");
        request.status = e.status;
        res.writeHead(e.status, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: { code: e.code, message: e.message } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    secrets,
    services: serviceRoutes.services,
    runtime: serviceRoutes.runtime,
    audit,
    rotate(namespace, name, data) {
      const bytes = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value)]));
      addVersion(secrets.get(`${namespace}/${name}`)!, bytes);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
