// hashicorp/vault's Go client (api/), which External Secrets Operator and
// vault-agent both link, as far as the replays need it: the exact request
// it puts on the wire and what it makes of each answer. Ported from:
//   api/client.go @ 003c0000 — NewClient sets X-Vault-Request: true on every
//     request; NewRequest joins "/v1/"+path with path.Join (which drops a
//     trailing "/" and resolves ".."); rawRequestWithContext refuses a token
//     with non-printable characters, follows one 301/302/307, and turns any
//     status outside 200–399 into a ResponseError (429 too, but not on
//     sys/health).
//   api/request.go @ dc215f95 — the token goes out as X-Vault-Token, the
//     query is url.Values.Encode() (keys sorted).
//   api/response.go @ cb610b0a — ResponseError from {"errors":[…]}, or the
//     raw body when it is not that JSON.
//   api/logical.go @ e71f5bcd — ReadWithData and List (GET + list=true): a
//     404 is "nothing there" (nil, nil) unless its body parses to a secret
//     with data or warnings; a body that does not parse is an error.
//   api/secret.go (stored version of ParseSecret) — JSON decoded into the
//     Secret struct with UseNumber; an all-zero struct is decoded again as a
//     raw map: only "errors" → nil, "errors" beside anything → an error.
// Node's http client, not fetch: fetch adds Accept, Accept-Language and
// Sec-Fetch-Mode, which Go never sends. (Node adds Connection: keep-alive.)
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { posix } from "node:path";
import { gunzipSync } from "node:zlib";

/** net/http's User-Agent when the caller sets none (ESO sets none); Go-http-client/2.0 over TLS with HTTP/2. */
export const GO_DEFAULT_USER_AGENT = "Go-http-client/1.1";

export type GoClient = {
  /** VAULT_ADDR, or a SecretStore's spec.provider.vault.server. */
  address: string;
  token?: string;
  /** X-Vault-Namespace: VAULT_NAMESPACE, or spec.provider.vault.namespace. */
  namespace?: string;
  /** A User-Agent header the program added (vault-agent adds one); Go's default otherwise. */
  userAgent?: string;
};

export type GoSecret = {
  request_id: string;
  lease_id: string;
  lease_duration: number;
  renewable: boolean;
  data: Record<string, unknown> | null;
  warnings: string[] | null;
  auth: unknown;
  wrap_info: unknown;
};

export type WireAnswer = { method: string; url: string; status: number; headers: IncomingHttpHeaders; body: string };

/** A Go runtime panic (a failed type assertion, say): the program would crash, or controller-runtime would recover it. */
export class GoPanic extends Error {}

export class ResponseError extends Error {
  constructor(
    readonly httpMethod: string,
    readonly url: string,
    readonly statusCode: number,
    readonly errors: string[],
    readonly rawError: boolean,
  ) {
    const listed = rawError && errors.length === 1 ? errors[0] : errors.map((e) => `* ${e}`).join("");
    super(
      `Error making API request.\n\nURL: ${httpMethod} ${url}\nCode: ${statusCode}. ${rawError ? "Raw Message" : "Errors"}:\n\n${listed}`,
    );
  }
}

/** Go's path.Join/Clean on "/v1/"+path. */
function goPath(apiPath: string): string {
  const clean = posix.normalize(apiPath);
  return clean.length > 1 && clean.endsWith("/") ? clean.slice(0, -1) : clean;
}

function goQuery(params: Record<string, string[]> | undefined): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params ?? {}).sort()) for (const value of params![key]!) query.append(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** Header order as net/http writes them: Host, User-Agent, the header map sorted, then the transport's Accept-Encoding. */
function goHeaders(client: GoClient, host: string): [string, string][] {
  const vault: [string, string][] = [["X-Vault-Request", "true"]];
  if (client.namespace) vault.push(["X-Vault-Namespace", client.namespace]);
  if (client.token) vault.push(["X-Vault-Token", client.token]);
  vault.sort(([a], [b]) => a.localeCompare(b));
  return [["Host", host], ["User-Agent", client.userAgent ?? GO_DEFAULT_USER_AGENT], ...vault, ["Accept-Encoding", "gzip"]];
}

function wire(target: URL, method: string, headers: [string, string][]): Promise<Omit<WireAnswer, "method" | "url">> {
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(target, { method, headers: headers.flat() }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        // Go's transport asked for gzip itself, so it also undoes it.
        const bytes = Buffer.concat(chunks);
        const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(bytes) : bytes;
        resolve({ status: response.statusCode!, headers: response.headers, body: body.toString("utf8") });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

/** One request as the Go client sends it; the answer as its rawRequestWithContext returns it (plus the error it attaches). */
export async function goRequest(client: GoClient, method: string, path: string, params?: Record<string, string[]>) {
  if (client.token && /[^\x20-\x7e\u00a0-\uffff]/.test(client.token)) {
    throw new Error("configured Vault token contains non-printable characters and cannot be used");
  }
  let target = new URL(goPath(`/v1/${path}`) + goQuery(params), client.address);
  for (let redirects = 0; ; redirects++) {
    const answer = { method, url: target.href, ...(await wire(target, method, goHeaders(client, target.host))) };
    const location = answer.headers.location;
    if ([301, 302, 307].includes(answer.status) && redirects === 0 && location) {
      const next = new URL(location, target);
      if (target.protocol === "https:" && next.protocol !== "https:") throw new Error("redirect would cause protocol downgrade");
      target = next;
      continue;
    }
    return { answer, error: responseError(answer) };
  }
}

function responseError(answer: WireAnswer): ResponseError | null {
  const { status } = answer;
  if ((status >= 200 && status < 400) || (status === 429 && new URL(answer.url).pathname === "/v1/sys/health")) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(answer.body);
  } catch {
    return new ResponseError(answer.method, answer.url, status, [answer.body], true);
  }
  const errors = (decoded as { errors?: unknown } | null)?.errors ?? [];
  if (!Array.isArray(errors) || errors.some((e) => typeof e !== "string")) {
    return new ResponseError(answer.method, answer.url, status, [answer.body], true);
  }
  return new ResponseError(answer.method, answer.url, status, errors as string[], false);
}

type GoField = "string" | "bool" | "int" | "map" | "strings" | "struct";

/** encoding/json into a struct: a field of the wrong JSON type is a decode error (null leaves the zero value). */
export function goDecode(struct: string, raw: Record<string, unknown>, fields: Record<string, GoField>) {
  for (const [name, type] of Object.entries(fields)) {
    const value = raw[name];
    if (value === null || value === undefined) continue;
    const fits =
      type === "string"
        ? typeof value === "string"
        : type === "bool"
          ? typeof value === "boolean"
          : type === "int"
            ? Number.isInteger(value)
            : type === "strings"
              ? Array.isArray(value) && value.every((v) => typeof v === "string")
              : typeof value === "object" && !Array.isArray(value);
    if (!fits)
      throw new Error(
        `json: cannot unmarshal ${JSON.stringify(value).slice(0, 40)} into Go struct field ${struct}.${name} of type ${type}`,
      );
  }
}

const SECRET_FIELDS: Record<string, GoField> = {
  request_id: "string",
  lease_id: "string",
  lease_duration: "int",
  renewable: "bool",
  data: "map",
  warnings: "strings",
  auth: "struct",
  wrap_info: "struct",
  mount_type: "string",
};

/** api.ParseSecret: null for an empty body, or for a body that is only {"errors":[…]}. */
export function parseSecret(body: string): GoSecret | null {
  if (body.length === 0) return null;
  const raw = JSON.parse(body) as unknown;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new Error("json: cannot unmarshal into Go value of type api.Secret");
  const record = raw as Record<string, unknown>;
  goDecode("Secret", record, SECRET_FIELDS);
  const secret: GoSecret = {
    request_id: (record.request_id as string) ?? "",
    lease_id: (record.lease_id as string) ?? "",
    lease_duration: (record.lease_duration as number) ?? 0,
    renewable: (record.renewable as boolean) ?? false,
    data: (record.data as Record<string, unknown>) ?? null,
    warnings: (record.warnings as string[]) ?? null,
    auth: record.auth ?? null,
    wrap_info: record.wrap_info ?? null,
  };
  const zero = Object.keys(SECRET_FIELDS).every(
    (name) => record[name] === undefined || record[name] === null || record[name] === "" || record[name] === 0 || record[name] === false,
  );
  if (zero) {
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === "errors") return null;
    if ("errors" in record) throw new Error((record.errors as string[]).join(" "));
    if (keys.length > 0) secret.data = record;
  }
  return secret;
}

/** logical.go's handling shared by ReadWithData and List. */
function readAnswer({ answer, error }: { answer: WireAnswer; error: ResponseError | null }): GoSecret | null {
  if (answer.status === 404) {
    const secret = parseSecret(answer.body);
    if (secret && ((secret.warnings?.length ?? 0) > 0 || Object.keys(secret.data ?? {}).length > 0)) return secret;
    return null;
  }
  if (error) throw error;
  return parseSecret(answer.body);
}

/** client.Logical().ReadWithDataWithContext(ctx, path, data). */
export async function readWithData(client: GoClient, path: string, data?: Record<string, string[]>): Promise<GoSecret | null> {
  return readAnswer(await goRequest(client, "GET", path, data));
}

/** client.Logical().ListWithContext: LIST becomes GET with list=true. */
export async function list(client: GoClient, path: string): Promise<GoSecret | null> {
  return readAnswer(await goRequest(client, "GET", path, { list: ["true"] }));
}

/** client.Logical().ReadRaw: the raw answer and the error, both (callers look at the status of a failure). */
export const readRaw = (client: GoClient, path: string) => goRequest(client, "GET", path);

/** client.Auth().Token().LookupSelfWithContext. */
export async function lookupSelf(client: GoClient): Promise<GoSecret | null> {
  const { answer, error } = await goRequest(client, "GET", "auth/token/lookup-self");
  if (error) throw error;
  return parseSecret(answer.body);
}

export type HealthResponse = { initialized: boolean; sealed: boolean; standby: boolean; server_time_utc: number; version: string };

/** client.Sys().Health() (api/sys_health.go): asks for 299 instead of 5xx so an unhealthy answer still decodes. */
export async function sysHealth(client: GoClient): Promise<HealthResponse> {
  const codes = ["uninitcode", "sealedcode", "standbycode", "drsecondarycode", "performancestandbycode", "removedcode", "haunhealthycode"];
  const { answer, error } = await goRequest(client, "GET", "sys/health", Object.fromEntries(codes.map((code) => [code, ["299"]])));
  if (error) throw error;
  const raw = JSON.parse(answer.body) as Record<string, unknown>;
  goDecode("HealthResponse", raw, {
    initialized: "bool",
    sealed: "bool",
    standby: "bool",
    performance_standby: "bool",
    replication_performance_mode: "string",
    replication_dr_mode: "string",
    server_time_utc: "int",
    version: "string",
    cluster_name: "string",
  });
  return raw as HealthResponse;
}

/** `x.(json.Number).Int64()`: a panic unless x is a JSON number, an error unless it is a whole one. */
export function jsonNumberInt64(value: unknown, what: string): number {
  if (typeof value !== "number")
    throw new GoPanic(`interface conversion: ${what} is ${value === null ? "nil" : typeof value}, not json.Number`);
  if (!Number.isInteger(value)) throw new Error(`strconv.ParseInt: parsing "${value}": invalid syntax`);
  return value;
}

/** `x.(string)` without the comma-ok form. */
export function assertString(value: unknown, what: string): string {
  if (typeof value !== "string")
    throw new GoPanic(`interface conversion: ${what} is ${value === null || value === undefined ? "nil" : typeof value}, not string`);
  return value;
}

/** time.Parse(time.RFC3339, s); parsing also accepts a fractional second. */
export function parseRfc3339(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) throw new Error(`parsing time "${text}" as RFC3339`);
  return new Date(text);
}
