// Every operation of the OpenAPI document joined to the route module that
// serves it, with a fast-check arbitrary for its requests: caller, path
// parameters, documented query parameters (odd values included), headers
// and body.
import fc from "fast-check";
import { authOf, callerArbitrary, type Auth } from "./callers";
import type { Caller } from "./fuzz-fixtures";
import { plausibleBodies } from "./integration-bodies";
import { HOSTILE_BYTE_BODIES, HOSTILE_RAW_BODIES, hostileNumber, hostileString, hostileValue } from "./hostile-values";
import { PoolRef, poolRef, type PoolKind } from "./pool-ref";
import type { RouteModule } from "./route-modules";
import { schemaArbitrary, type Components, type JsonSchema } from "./schema-arbitrary";

type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, unknown>[];
};
export type OpenApiDocument = { paths: Record<string, Record<string, unknown>>; components: { schemas: Components } };

export type Body =
  { kind: "none" } | { kind: "json"; value: unknown } | { kind: "raw"; text: string } | { kind: "bytes"; bytes: Uint8Array };

export type FuzzRequest = {
  caller: Caller;
  bogusAuthorization?: string;
  /** On the Vault API: the token in X-Vault-Token (Vault's header) instead of Authorization: Bearer. */
  vaultHeader?: boolean;
  params: Record<string, unknown>;
  query: { pairs: [string, unknown][] } | { raw: string };
  headers: [string, string][];
  body: Body;
};

export type Operation = {
  key: string;
  method: string;
  path: string;
  module: RouteModule;
  weight: number;
  auth: Auth;
  request: fc.Arbitrary<FuzzRequest>;
};

/** Joins the document to the route files; lists what either side has alone. */
export function buildOperations(document: OpenApiDocument, modules: RouteModule[]) {
  const operations: Operation[] = [];
  const unrouted: string[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [lower, spec] of Object.entries(methods)) {
      const method = lower.toUpperCase();
      const routeModule = modules.find((m) => m.path === path && m.methods.includes(method));
      if (!routeModule) {
        unrouted.push(`${method} ${path}`);
        continue;
      }
      operations.push(operation(document, path, method, spec as OpenApiOperation, routeModule));
    }
  }
  const keys = new Set(operations.map((op) => op.key));
  const uncovered = modules.flatMap((m) => m.methods.map((method) => `${method} ${m.path}`)).filter((key) => !keys.has(key));
  return { operations, unrouted, uncovered };
}

function operation(document: OpenApiDocument, path: string, method: string, spec: OpenApiOperation, module: RouteModule): Operation {
  const key = `${method} ${path}`;
  const parameters = spec.parameters ?? [];
  const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const query = parameters.filter((p) => p.in === "query");
  const headers = parameters.filter((p) => p.in === "header");
  const bodySchema = spec.requestBody?.content?.["application/json"]?.schema;
  const security = JSON.stringify(spec.security ?? []);
  const auth = authOf(path, security);

  const params = fc.record(
    Object.fromEntries(pathNames.map((name) => [name, module.catchAll.includes(name) ? catchAllValue(path, name) : pathValue(path, name)])),
  ) as fc.Arbitrary<Record<string, unknown>>;
  const body = plausibleBodies(
    key,
    bodyArbitrary(method, bodySchema, { components: document.components.schemas, component: undefined, depth: 0 }),
  );
  const request = fc.record({
    caller: callerArbitrary(auth),
    bogusAuthorization: bogusAuthorization(),
    vaultHeader: auth === "vault" ? fc.boolean() : fc.constant(undefined),
    params,
    query: queryArbitrary(query, auth === "vault"),
    headers: fc
      .tuple(...headers.map((h) => optionalHeader(h.name).map((v) => [h.name, v] as const)))
      .map((pairs) => pairs.filter((p): p is readonly [string, string] => p[1] !== undefined).map(([k, v]) => [k, v] as [string, string])),
    body,
  });
  // The Swarm delivery is the one route handing values to a caller other than a user or a service token,
  // and the Vault read hands them to both: drawn more often.
  const weight =
    1 +
    (bodySchema ? 1 : 0) +
    (query.length >= 3 ? 0.5 : 0) +
    (pathNames.length ? 0.25 : 0) +
    (auth === "swarm" && bodySchema ? 2 : 0) +
    (key === "GET /v1/{mount}/data/{name}" ? 2 : 0);
  return { key, method, path, module, weight, auth, request: key === VAULT_READ ? withBoundReads(request) : request };
}

const VAULT_READ = "GET /v1/{mount}/data/{name}";

/**
 * A third of Vault reads are what a service's client sends: the fixture
 * service asking its own mount for a bound secret by one name, so reads
 * get through (and their values are checked), not only refusals.
 */
function withBoundReads(request: fc.Arbitrary<FuzzRequest>): fc.Arbitrary<FuzzRequest> {
  const bound = fc.tuple(request, fc.nat({ max: 63 })).map(([drawn, index]) => ({
    ...drawn,
    caller: "service" as const,
    params: { mount: "secret", name: [new PoolRef("boundSecret", index)] },
  }));
  return fc.oneof({ weight: 2, arbitrary: request }, { weight: 1, arbitrary: bound });
}

function pathKind(path: string, name: string): PoolKind | undefined {
  if (name === "ns") return "namespace";
  // The Vault API: a mount is a namespace (`secret` is `default`), a KV name a secret's.
  if (name === "mount") return "mount";
  if (path.startsWith("/v1/{mount}/") && name === "name") return "secret";
  if (name === "target") return "bindingTarget";
  if (name === "tokenId") return "accessTokenId";
  if (name === "name")
    return /\/secrets\/\{name\}/.test(path)
      ? "secret"
      : /\/services\/\{name\}/.test(path)
        ? "service"
        : /\/roles\/\{name\}/.test(path)
          ? "role"
          : undefined;
  if (name === "id") {
    if (path.startsWith("/api/v1/users/{id}")) return "userId";
    if (path.startsWith("/api/v1/invites/{id}")) return "inviteId";
    if (path.startsWith("/api/v1/role-bindings/{id}")) return "roleBindingId";
    if (/\/tokens\/\{id\}/.test(path)) return "serviceTokenId";
    if (/\/integrations\/\{id\}/.test(path)) return "integrationId";
  }
  return undefined;
}

/**
 * A catch-all segment ([...name], Next passes an array): on the Vault API
 * mostly one segment, a KV name, now and then a deeper path or `.`/`..`
 * (404 on reads, 400 on writes); elsewhere one to three values.
 */
function catchAllValue(path: string, name: string): fc.Arbitrary<unknown> {
  if (!path.startsWith("/v1/")) return fc.array(pathValue(path, name), { minLength: 1, maxLength: 3 });
  const one = path.startsWith("/v1/sys/internal/ui/mounts/") ? pathValue("/v1/{mount}", "mount") : pathValue(path, name);
  const odd = fc.oneof(one, fc.constantFrom("..", ".", "", "%2e%2e", "a/b"));
  return fc.oneof(
    { weight: 8, arbitrary: one.map((value) => [value]) },
    { weight: 2, arbitrary: fc.tuple(one, pathValue(path, name)).map((pair) => [...pair]) },
    { weight: 1, arbitrary: fc.array(odd, { minLength: 1, maxLength: 3 }) },
  );
}

function pathValue(path: string, name: string): fc.Arbitrary<unknown> {
  const kind = pathKind(path, name);
  const odd = fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/) },
  );
  if (kind === "namespace")
    return fc.oneof(
      { weight: 10, arbitrary: fc.constant("default") },
      { weight: 2, arbitrary: poolRef(kind) },
      { weight: 2, arbitrary: odd },
    );
  if (kind === "mount")
    return fc.oneof(
      { weight: 10, arbitrary: fc.constant("secret") },
      { weight: 2, arbitrary: poolRef(kind) },
      { weight: 1, arbitrary: fc.constantFrom("sys", "auth", "default", "cubbyhole", "secret/") },
      { weight: 2, arbitrary: odd },
    );
  // A Vault read by the fixture service should find its bound secrets often, not only refusals.
  if (kind === "secret" && path.startsWith("/v1/"))
    return fc.oneof(
      { weight: 4, arbitrary: poolRef("secret") },
      { weight: 2, arbitrary: poolRef("boundSecret") },
      { weight: 1, arbitrary: odd },
    );
  return kind ? fc.oneof({ weight: 5, arbitrary: poolRef(kind) }, { weight: 1, arbitrary: odd }) : odd;
}

const bogusAuthorization = () =>
  fc.oneof(
    fc.constantFrom(
      "Bearer cfp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "Bearer cfs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "Bearer  a b",
      "bearer cfp_",
      "Bearer cfi_x",
      `Bearer ${"a".repeat(5_000)}`,
    ),
    fc.string({ unit: fc.constantFrom(..."abcXYZ019_-.~+/=%".split("")), maxLength: 60 }).map((token) => `Bearer cfp_${token}`),
  );

/** A documented header, often left out; X-Vault-Namespace (a 400 unless empty or root) mostly, as Vault clients send none. */
function optionalHeader(name: string): fc.Arbitrary<string | undefined> {
  const absent = name.toLowerCase() === "x-vault-namespace" ? 12 : 1;
  return fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: headerValue(name) });
}

function headerValue(name: string): fc.Arbitrary<string> {
  // Vault Enterprise namespaces: empty and root are accepted, anything else is a 400.
  if (name.toLowerCase() === "x-vault-namespace")
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("", "root", "root/") },
      { weight: 1, arbitrary: fc.constantFrom("admin", "ns1/", " root ", "\u00ff", "x".repeat(9_000)) },
    );
  return fc.oneof(
    fc.constantFrom('"abc"', 'W/"abc"', "*", '""', "x".repeat(9_000), '"a", "b"', "\u00ff\u00fe"),
    fc.string({ unit: fc.constantFrom(...'"W/,*-_ azAZ09\t'.split("")), maxLength: 40 }),
  );
}

// Documented query parameters by name: values that mean something, the
// boundaries of each, and the hostile classes.
const date = () => {
  const recent = fc.date({ noInvalidDate: true, min: new Date("2020-01-01"), max: new Date("2040-01-01") });
  // Any date JavaScript can hold, most of them outside PostgreSQL's range (4713 BC to 294276 AD).
  const any = fc.date({ noInvalidDate: true });
  return fc.oneof(
    { weight: 4, arbitrary: recent.map((d) => d.toISOString()) },
    { weight: 1, arbitrary: recent.map((d) => d.toISOString().slice(0, 10)) },
    { weight: 2, arbitrary: any.map((d) => d.toISOString()) },
  );
};
const QUERY_VALUES: Record<string, () => fc.Arbitrary<unknown>> = {
  limit: () => fc.oneof(fc.integer({ min: -2, max: 600 }).map(String), hostileNumber().map(String)),
  version: () => fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), hostileNumber().map(String)),
  cursor: () => fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String), fc.integer({ min: 0, max: 10_000 }).map(String)),
  from: date,
  to: date,
  filter: () =>
    fc.oneof(
      fc.constantFrom(
        "name=pool",
        "name=canary",
        "label=pool",
        "label=pool=yes",
        "stale=true",
        "stale=false",
        "label=",
        "name=",
        "label==",
        "stale=maybe",
      ),
      fc.string({ maxLength: 12 }).map((s) => `label=${s}`),
    ),
  format: () => fc.constantFrom("csv", "jsonl", "CSV", "xml", ""),
  purge: () => fc.constantFrom("true", "false", "1", "TRUE", ""),
  list: () => fc.constantFrom("true", "true", "true", "false", "1", "TRUE", ""),
  outcome: () => fc.constantFrom("success", "denied", "error", "SUCCESS", ""),
  action: () => fc.constantFrom("secret.", "auth.", "secret.read", "member.", "audit.export", "%", "_"),
  actor: () => fc.constantFrom("fuzz.owner@example.com", "system", "default/fuzz-agent", "%", "_", "\\"),
};

/** `requiredMostly`: a required parameter is sent 7 times in 8 (the Vault API's list=true, without which a LIST is no LIST). */
function queryArbitrary(parameters: Parameter[], requiredMostly = false): fc.Arbitrary<FuzzRequest["query"]> {
  const one = (p: Parameter) => {
    const valid = QUERY_VALUES[p.name]?.() ?? fc.string({ maxLength: 16 });
    const values = fc.oneof({ weight: 4, arbitrary: valid }, { weight: 2, arbitrary: hostileString() });
    // Repeatable parameters (filter) may come several times; others too, now and then.
    const count =
      p.schema?.type === "array"
        ? fc.integer({ min: 1, max: 3 })
        : fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) });
    return fc.option(
      fc
        .tuple(count, fc.array(values, { minLength: 3, maxLength: 3 }))
        .map(([n, vs]) => vs.slice(0, n).map((v) => [p.name, v] as [string, unknown])),
      { freq: requiredMostly && p.required ? 8 : 2 },
    );
  };
  const documented = fc.tuple(...parameters.map(one)).map((groups) => groups.flatMap((group) => group ?? []));
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as [string, unknown][]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileString(), hostileString()), { maxLength: 2 }) },
  );
  const raw = fc.constantFrom(
    "?limit=%ZZ",
    "?version=%00",
    "?cursor=%00",
    "?&&&=&=",
    "?from=0000-01-01&to=%2B275760-09-13",
    "?filter",
    "?filter=%ED%A0%80",
    "?format=csv&format=jsonl",
    "?purge=true&purge=false",
    "?limit=1e3",
    "?limit=0x10",
    "?version=1.0",
    "?version=-0",
  );
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 12, arbitrary: fc.tuple(documented, extra).map(([pairs, more]) => ({ pairs: [...pairs, ...more] })) },
    { weight: 1, arbitrary: raw.map((text) => ({ raw: text })) },
  );
}

function bodyArbitrary(method: string, schema: JsonSchema | undefined, context: Parameters<typeof schemaArbitrary>[1]): fc.Arbitrary<Body> {
  if (method === "GET") return fc.constant({ kind: "none" });
  const raw = fc.constantFrom(...HOSTILE_RAW_BODIES).map((text) => ({ kind: "raw", text }) as Body);
  const bytes = fc.constantFrom(...HOSTILE_BYTE_BODIES).map((data) => ({ kind: "bytes", bytes: data }) as Body);
  const junk = hostileValue().map((value) => ({ kind: "json", value }) as Body);
  const none = fc.constant({ kind: "none" } as Body);
  if (!schema)
    return fc.oneof(
      { withCrossShrink: true },
      { weight: 6, arbitrary: none },
      { weight: 2, arbitrary: junk },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: bytes },
    );
  const valid = schemaArbitrary(schema, context).map((value) => ({ kind: "json", value }) as Body);
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 24, arbitrary: valid },
    { weight: 1, arbitrary: none },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: bytes },
    { weight: 1, arbitrary: junk },
  );
}
