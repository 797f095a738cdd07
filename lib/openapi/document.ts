// The OpenAPI 3.1 document served at /api/v1/openapi.json, assembled from
// the operations declared in ./paths. Every body schema is generated from
// zod: request bodies from the schemas the routes parse with (their input
// side), answers from the DTO schemas that must equal the DTO types (their
// output side, closed: `additionalProperties: false`). Tests check that
// every route is here and that what routes answer matches these schemas.
import { z } from "zod";
import { checkpointSchema } from "../audit/audit-dto.schema";
import { jobSchema } from "../jobs/job-dto.schema";
import { manifestCreatedSchema } from "../secrets/kubernetes/manifest-dto.schema";
import { deletedSecretSchema, secretSummarySchema } from "../secrets/secret-dto.schema";
import { inviteInfoSchema } from "../team/team-dto.schema";
import { accessTokenInfoSchema } from "../tokens/access-token-dto.schema";
import { component, errorSchema, type Component, type Content, type Operation } from "./operation";
import { approvalOperations } from "./paths/approvals";
import { auditOperations } from "./paths/audit";
import { instanceOperations } from "./paths/instance";
import { integrationOperations } from "./paths/integrations";
import { kubernetesKmsOperations } from "./paths/kubernetes-kms";
import { rotationOperations } from "./paths/rotation";
import { secretOperations } from "./paths/secrets";
import { serviceOperations } from "./paths/services";
import { ssoOperations } from "./paths/sso";
import { teamOperations } from "./paths/team";
import { vaultOperations } from "./paths/vault";

export const operations: Operation[] = [
  ...instanceOperations,
  ...secretOperations,
  ...rotationOperations,
  ...serviceOperations,
  ...integrationOperations,
  ...kubernetesKmsOperations,
  ...teamOperations,
  ...ssoOperations,
  ...auditOperations,
  ...approvalOperations,
  ...vaultOperations,
];

// Published under their own names although no operation answers them alone, so their users share one $ref.
const SHARED: Component[] = [
  component("Checkpoint", checkpointSchema),
  component("Job", jobSchema),
  component("DeletedSecret", deletedSecretSchema),
  // POST /secrets answers one of these (a manifest creates several).
  component("SecretSummary", secretSummarySchema),
  component("SecretsCreated", manifestCreatedSchema),
  component("Invite", inviteInfoSchema),
  component("AccessToken", accessTokenInfoSchema),
];

const errorText: Record<number, string> = {
  400: "bad input; the message names the field",
  401: "missing, invalid, expired or revoked token",
  403: "permission denied (audited)",
  404: "unknown namespace or secret",
  409: "conflict: name taken or reserved, immutable secret",
  413: "secret data over COFFER_MAX_SECRET_BYTES",
  429: "throttled; see Retry-After",
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const schemaOf = (body: Component | Component[]) => (Array.isArray(body) ? { anyOf: body.map((c) => ref(c.name)) } : ref(body.name));

/** The one body under its media type (JSON unless told), or the several types a route reads or answers. */
function contentOf(where: string, body: Component | undefined, content: Content | undefined, contentType = "application/json") {
  if (body && content) throw new Error(`OpenAPI ${where}: a body and content by media type are one or the other`);
  const bodies = Object.entries(content ?? (body ? { [contentType]: body } : {}));
  return bodies.length ? { content: Object.fromEntries(bodies.map(([type, b]) => [type, { schema: schemaOf(b) }])) } : {};
}

const componentsOf = (body: Component | undefined, content: Content | undefined) => [
  ...(body ? [body] : []),
  ...Object.values(content ?? {}).flat(),
];

type JsonSchema = Record<string, unknown>;

/** Registers each component once; one name for one schema, or the document would be ambiguous. */
function registryOf(components: Component[]) {
  const registry = z.registry<{ id: string }>();
  const byName = new Map<string, z.ZodType>();
  for (const { name, schema } of components) {
    const known = byName.get(name);
    if (known && known !== schema) throw new Error(`OpenAPI component ${name} names two different schemas`);
    if (known) continue;
    byName.set(name, schema);
    registry.add(schema, { id: name });
  }
  return registry;
}

function generate(components: Component[], io: "input" | "output"): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registryOf(components), { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema; // eslint-disable-line @typescript-eslint/no-unused-vars
      return [name, rest];
    }),
  );
}

function componentSchemas(): Record<string, JsonSchema> {
  const inputs = operations.flatMap((op) => componentsOf(op.body, op.bodies));
  const outputs = [
    errorSchema,
    ...SHARED,
    ...operations.flatMap((op) => Object.values(op.responses).flatMap((r) => componentsOf(r.body, r.content))),
  ];
  const input = generate(inputs, "input");
  const output = generate(outputs, "output");
  const both = Object.keys(input).filter((name) => name in output);
  if (both.length) throw new Error(`OpenAPI components used as request and as answer: ${both.join(", ")}`);
  return { ...input, ...output };
}

function pathItem(op: Operation) {
  const where = `${op.method.toUpperCase()} ${op.path}`;
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(op.responses))
    responses[status] = { description: spec.description, ...contentOf(`${where} ${status}`, spec.body, spec.content, spec.contentType) };
  for (const status of op.errors ?? []) responses[status] = { description: errorText[status] ?? "error", ...json("Error") };
  return {
    ...(op.auth === "public" ? {} : { security: [{ [op.auth]: [] }] }),
    summary: op.summary,
    ...(op.parameters?.length ? { parameters: op.parameters } : {}),
    ...(op.body || op.bodies ? { requestBody: contentOf(where, op.body, op.bodies) } : {}),
    responses,
  };
}

function paths() {
  const result: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const item = (result[op.path] ??= {});
    if (op.method in item) throw new Error(`${op.method.toUpperCase()} ${op.path} is declared twice`);
    item[op.method] = pathItem(op);
  }
  return result;
}

// The same for every request but the server URL: generated once.
let generated: { schemas: Record<string, JsonSchema>; paths: Record<string, Record<string, unknown>> } | undefined;

export function openApiDocument(serverUrl: string) {
  generated ??= { schemas: componentSchemas(), paths: paths() };
  return {
    openapi: "3.1.0",
    info: {
      title: "Coffer API",
      version: "1",
      description: "Self-hosted secret manager. Values are write-only except through the audited value endpoint.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: generated.schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "personal API token (cfp_…)" },
        serviceToken: { type: "http", scheme: "bearer", description: "service token (cfs_…)" },
        integrationToken: { type: "http", scheme: "bearer", description: "integration token (cfi_…): a Swarm secret driver, a KMS plugin" },
        vaultToken: {
          type: "apiKey",
          in: "header",
          name: "X-Vault-Token",
          description: "on /v1, as Vault clients send it: a personal (cfp_…) or service (cfs_…) token; `Authorization: Bearer` works too",
        },
      },
    },
    paths: generated.paths,
  };
}
