// The services half of the fake Coffer (see fake-coffer-server.ts):
// services, bindings, service tokens and the runtime API, per the contract
// in lib/services and app/api/v1. Like the rest of the fake it checks what
// the CLI sends, not everything the server enforces.
import { createHash, randomBytes } from "node:crypto";
import type { Binding, ServiceDetail, ServiceSummary, ServiceToken } from "../service/types";
import type { DeliveredSecret } from "../workload/types";
import { HttpError } from "./fake-http-error";

type SecretData = { id: string; name: string; namespace: string; current: number; versions: { version: number; data: Record<string, Buffer> }[] };

export type StoredBinding = Omit<Binding, "version" | "secretId" | "mode"> & { mode: number };
export type StoredToken = ServiceToken & { token: string };
export type StoredService = Omit<ServiceSummary, "bindings" | "activeTokens"> & { bindings: StoredBinding[]; tokens: StoredToken[] };

export type RuntimeKnobs = {
  /** Answer every runtime call with this status (503: the audit trail is down). */
  failWith?: number;
  /** Runtime calls answered 200, each a "read" of every bound secret. */
  reads: number;
};

const T0 = "2024-05-01T10:00:00.000Z";
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
const fmtMode = (mode: number) => `0${mode.toString(8).padStart(3, "0")}`;

/** A token as the API lists it: everything but the plaintext. */
function tokenInfo(stored: StoredToken): ServiceToken {
  const info: Partial<StoredToken> = { ...stored };
  delete info.token;
  return info as ServiceToken;
}

export function fakeServices(secrets: Map<string, SecretData>) {
  const services = new Map<string, StoredService>();
  const runtime: RuntimeKnobs = { reads: 0 };
  const secretOf = (ns: string, b: StoredBinding) => secrets.get(`${ns}/${b.secret}`)!;

  const bindingOf = (ns: string, b: StoredBinding): Binding => {
    const secret = secretOf(ns, b);
    return { ...b, mode: fmtMode(b.mode), secretId: secret.id, version: b.pinnedVersion ?? secret.current };
  };
  const summaryOf = (s: StoredService): ServiceSummary => {
    const { bindings, tokens, ...rest } = s;
    return { ...rest, bindings: bindings.length, activeTokens: tokens.filter((t) => !t.revokedAt).length };
  };
  const detailOf = (s: StoredService): ServiceDetail => ({
    ...summaryOf(s),
    bindingList: s.bindings.map((b) => bindingOf(s.namespace, b)),
    tokens: s.tokens.map(tokenInfo),
    reads: [],
  });

  /** Names of the services bound to a secret, for the in-use refusal. */
  function usersOf(ns: string, secret: string): string[] {
    return [...services.values()].filter((s) => s.namespace === ns && s.bindings.some((b) => b.secret === secret)).map((s) => s.name);
  }

  function addBinding(service: StoredService, body: Record<string, unknown>): Binding {
    const secretName = String(body.secret ?? "");
    const secret = secrets.get(`${service.namespace}/${secretName}`);
    if (!secret) throw new HttpError(400, "bad_request", `secret: no secret '${secretName}' in namespace '${service.namespace}'`);
    const target = typeof body.target === "string" ? body.target : secretName;
    if (target.startsWith("/") || target.split("/").includes("..")) throw new HttpError(400, "bad_request", "target must be a relative file name");
    const mode = body.mode === undefined ? 0o444 : parseInt(String(body.mode), 8);
    if (!(mode >= 0 && mode <= 0o777)) throw new HttpError(400, "bad_request", "mode must be an octal number between 0 and 0777");
    if (service.bindings.some((b) => b.target === target)) {
      throw new HttpError(409, "conflict", `service '${service.name}' already has a secret at target '${target}'`);
    }
    const binding: StoredBinding = {
      id: `bnd_${randomBytes(10).toString("hex")}`,
      secret: secretName,
      target,
      uid: Number(body.uid ?? 0),
      gid: Number(body.gid ?? 0),
      mode,
      envName: (body.envName as string) ?? null,
      key: (body.key as string) ?? null,
      pinnedVersion: (body.pinnedVersion as number) ?? null,
      createdAt: T0,
    };
    service.bindings.push(binding);
    return bindingOf(service.namespace, binding);
  }

  function handleServices(method: string, pathname: string, body: Record<string, unknown>): [number, unknown] | undefined {
    const match = /^\/api\/v1\/namespaces\/([^/]+)\/services(?:\/([^/]+)(?:\/(bindings|tokens)(?:\/(.+))?)?)?$/.exec(pathname);
    if (!match) return undefined;
    const ns = decodeURIComponent(match[1]!);
    const name = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const [sub, item] = [match[3], match[4]?.split("/").map(decodeURIComponent).join("/")];

    if (name === undefined && method === "GET") return [200, { services: [...services.values()].filter((s) => s.namespace === ns).map(summaryOf) }];
    if (name === undefined && method === "POST") {
      const serviceName = String(body.name ?? "");
      if (!NAME.test(serviceName)) throw new HttpError(400, "bad_request", "name must be 1-64 characters of letters, digits, '.', '_' or '-'");
      if (services.has(`${ns}/${serviceName}`)) throw new HttpError(409, "conflict", `service '${serviceName}' already exists in namespace '${ns}'`);
      const service: StoredService = {
        id: `svc_${randomBytes(10).toString("hex")}`,
        name: serviceName,
        namespace: ns,
        description: (body.description as string) ?? "",
        labels: (body.labels as Record<string, string>) ?? {},
        createdAt: T0,
        updatedAt: T0,
        bindings: [],
        tokens: [],
      };
      services.set(`${ns}/${serviceName}`, service);
      return [201, summaryOf(service)];
    }
    const service = services.get(`${ns}/${name}`);
    if (!service) throw new HttpError(404, "not_found", `service '${name}' not found in namespace '${ns}'`);
    if (!sub && method === "GET") return [200, detailOf(service)];
    if (!sub && method === "PATCH") {
      if (typeof body.description === "string") service.description = body.description;
      if (body.labels) service.labels = body.labels as Record<string, string>;
      return [200, summaryOf(service)];
    }
    if (!sub && method === "DELETE") {
      services.delete(`${ns}/${name}`);
      return [204, undefined];
    }
    if (sub === "bindings" && !item && method === "POST") return [201, addBinding(service, body)];
    if (sub === "bindings" && item && method === "DELETE") {
      const byTarget = service.bindings.filter((b) => b.target === item);
      const gone = byTarget.length ? byTarget : service.bindings.filter((b) => b.secret === item);
      if (!gone.length) throw new HttpError(404, "not_found", `service '${name}' has no binding with target or secret '${item}'`);
      service.bindings = service.bindings.filter((b) => !gone.includes(b));
      return [204, undefined];
    }
    if (sub === "tokens" && !item && method === "GET") return [200, { tokens: detailOf(service).tokens }];
    if (sub === "tokens" && !item && method === "POST") {
      const days = body.expiresInDays === undefined ? 365 : (body.expiresInDays as number | null);
      const token = `cfs_${randomBytes(32).toString("base64url")}`;
      const stored: StoredToken = {
        id: `stk_${randomBytes(10).toString("hex")}`,
        name: (body.name as string) ?? "agent",
        prefix: token.slice(0, 10),
        token,
        createdAt: T0,
        expiresAt: days ? new Date(Date.parse(T0) + days * 86_400_000).toISOString() : null,
        lastUsedAt: null,
        revokedAt: null,
      };
      service.tokens.push(stored);
      return [201, { ...tokenInfo(stored), token }];
    }
    if (sub === "tokens" && item && method === "DELETE") {
      const token = service.tokens.find((t) => t.id === item);
      if (!token) throw new HttpError(404, "not_found", `service '${name}' has no token '${item}'`);
      token.revokedAt ??= T0;
      return [204, undefined];
    }
    throw new HttpError(405, "bad_request", "method not allowed");
  }

  function deliver(ns: string, b: StoredBinding): DeliveredSecret {
    const secret = secretOf(ns, b);
    const version = b.pinnedVersion ?? secret.current;
    const entries = Object.entries(secret.versions.find((v) => v.version === version)!.data);
    const selected = b.key ? entries.filter(([key]) => key === b.key) : entries;
    const single = b.key !== null || entries.length === 1;
    const files = selected.map(([key, bytes]) => ({ path: single ? b.target : `${b.target}/${key}`, data: bytes.toString("base64") }));
    return { secret: b.secret, version, target: b.target, uid: b.uid, gid: b.gid, mode: fmtMode(b.mode), envName: b.envName, kind: single ? "file" : "dir", files };
  }

  /** GET /api/v1/runtime/secrets: [status, body, headers]. */
  function handleRuntime(auth: string | undefined, ifNoneMatch: string | undefined): [number, unknown, Record<string, string>] {
    const presented = /^Bearer (\S+)$/.exec(auth ?? "")?.[1];
    const service = [...services.values()].find((s) => s.tokens.some((t) => t.token === presented));
    const token = service?.tokens.find((t) => t.token === presented);
    if (!service || !token) throw new HttpError(401, "unauthorized", "the service token is invalid");
    if (token.revokedAt) throw new HttpError(401, "unauthorized", "the service token is revoked");
    if (runtime.failWith) throw new HttpError(runtime.failWith, "unavailable", "the audit trail is unavailable, so no secret was delivered; try again later");
    const bindings = [...service.bindings].sort((a, b) => a.target.localeCompare(b.target));
    const shape = bindings.map((b) => [b.id, b.target, b.uid, b.gid, b.mode, b.envName, b.key, b.secret, b.pinnedVersion ?? secretOf(service.namespace, b).current]);
    const etag = `"${createHash("sha256").update(JSON.stringify(shape)).digest("base64url").slice(0, 27)}"`;
    const headers = { ETag: etag, "Cache-Control": "no-store" };
    if (ifNoneMatch === etag) return [304, undefined, headers];
    runtime.reads += 1;
    return [200, { service: { name: service.name, namespace: service.namespace }, secrets: bindings.map((b) => deliver(service.namespace, b)) }, headers];
  }

  return { services, runtime, usersOf, handleServices, handleRuntime };
}
