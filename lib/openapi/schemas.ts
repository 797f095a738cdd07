// JSON Schemas for the OpenAPI document, generated from the same zod
// schemas the routes validate with, so the document cannot drift from them.
import { z } from "zod";
import { signInSchema } from "../auth/sign-in";
import { setupSchema } from "../auth/setup";
import { createSecretSchema, secretDataSchema } from "../secrets/create-secret.schema";
import { labelsField } from "../secrets/secret-rules";
import { bindingSchema, createServiceSchema, updateServiceSchema } from "../services/service-rules";

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-unused-vars
  return rest;
}

const str = { type: "string" };
const keyInfo = { type: "object", properties: { name: { type: "string" }, size: { type: "integer" } }, required: ["name", "size"] };
const isoDate = { type: "string", format: "date-time" };
const labels = { type: "object", additionalProperties: { type: "string" } };

const secretSummary = {
  type: "object",
  properties: {
    id: { type: "string", pattern: "^[0-9a-z]{25}$" },
    name: { type: "string" },
    namespace: { type: "string" },
    type: { type: "string" },
    labels,
    immutable: { type: "boolean" },
    version: { type: "integer", description: "current data version" },
    createdAt: isoDate,
    updatedAt: isoDate,
    keys: { type: "array", items: keyInfo },
    sizeBytes: { type: "integer" },
  },
};

const versionInfo = {
  type: "object",
  properties: {
    version: { type: "integer" },
    createdAt: isoDate,
    createdBy: { type: ["string", "null"] },
    keys: { type: "array", items: keyInfo },
    sizeBytes: { type: "integer" },
    current: { type: "boolean" },
  },
};

const binding = {
  type: "object",
  properties: {
    id: { type: "string" },
    secret: { type: "string" },
    secretId: { type: "string" },
    target: { type: "string" },
    uid: { type: "integer" },
    gid: { type: "integer" },
    mode: { type: "string", description: "octal, e.g. 0444" },
    envName: { type: ["string", "null"] },
    key: { type: ["string", "null"] },
    pinnedVersion: { type: ["integer", "null"] },
    version: { type: "integer" },
    createdAt: isoDate,
  },
};

const serviceSummary = {
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    namespace: { type: "string" },
    description: { type: "string" },
    labels,
    bindings: { type: "integer" },
    activeTokens: { type: "integer" },
    createdAt: isoDate,
    updatedAt: isoDate,
  },
};

const grant = { type: "object", properties: { id: { type: "string" }, role: { type: "string" }, namespace: { type: ["string", "null"] } } };

const auditEvent = {
  type: "object",
  properties: {
    seq: str,
    time: isoDate,
    actor: { type: "object", properties: { type: str, id: { type: ["string", "null"] }, label: { type: ["string", "null"] } } },
    action: str,
    resource: { type: "object", properties: { type: { type: ["string", "null"] }, id: { type: ["string", "null"] }, name: { type: ["string", "null"] } } },
    namespace: { type: ["string", "null"] },
    outcome: { enum: ["success", "denied", "error"] },
    ip: { type: ["string", "null"] },
    userAgent: { type: ["string", "null"] },
    requestId: { type: ["string", "null"] },
    details: { type: "object" },
    prevHash: { type: ["string", "null"], description: "The hash chain of events written before the transparency log; null after" },
    hash: { type: ["string", "null"] },
    leafIndex: { type: ["integer", "null"], description: "Position in the Merkle tree; null until sealed (within about a second)" },
    leafHash: { type: ["string", "null"], description: "Base64 of SHA-256(0x00 ‖ canonical event)" },
  },
};

const b64 = { type: "string", contentEncoding: "base64" };
const nullable = (schema: object) => ({ oneOf: [schema, { type: "null" }] });
const checkpoint = {
  type: "object",
  description: "A signed tree head: the C2SP signed note in `note`, its fields beside it",
  properties: { size: { type: "integer" }, rootHash: b64, time: isoDate, keyId: str, lastSeq: str, note: str },
  required: ["size", "rootHash", "time", "keyId", "lastSeq", "note"],
};
const treeHead = { type: "object", properties: { size: { type: "integer" }, rootHash: b64, time: isoDate, keyId: str } };

export const components = {
  AuditPage: { type: "object", properties: { events: { type: "array", items: auditEvent }, nextCursor: { type: ["string", "null"] }, newestSeq: { type: ["string", "null"] } } },
  LogReport: {
    type: "object",
    properties: {
      ok: { type: "boolean" },
      checked: { type: "integer" },
      archived: { type: "integer" },
      unsealed: { type: "integer" },
      head: nullable(treeHead),
      outside: nullable({ ...treeHead, properties: { ...treeHead.properties, source: { enum: ["file", "given"] } } }),
      problem: nullable({
        type: "object",
        properties: {
          code: { enum: ["bad-signature", "deleted", "missing-event", "edited", "rewritten"] },
          message: str,
          firstBadSeq: str,
          range: { type: "object", properties: { afterSeq: { type: ["string", "null"] }, throughSeq: str } },
        },
      }),
    },
  },
  Checkpoint: checkpoint,
  LatestCheckpoint: { type: "object", properties: { checkpoint: nullable(checkpoint) } },
  InclusionProof: {
    type: "object",
    properties: { seq: str, leafIndex: { type: "integer" }, leafHash: b64, treeSize: { type: "integer" }, proof: { type: "array", items: b64 }, checkpoint: nullable(checkpoint) },
  },
  ConsistencyProof: {
    type: "object",
    properties: { from: { type: "integer" }, to: { type: "integer" }, proof: { type: "array", items: b64 }, fromCheckpoint: nullable(checkpoint), toCheckpoint: nullable(checkpoint) },
  },
  AuditPublicKey: {
    type: "object",
    properties: { origin: str, keyId: str, publicKeyPem: str, publicKey: { ...b64, description: "raw 32-byte Ed25519 key" }, verifierKey: { type: "string", description: "<name>+<key id>+<key>, for signed-note tools" } },
  },
  Member: {
    type: "object",
    properties: { id: str, email: str, name: str, status: { enum: ["active", "disabled"] }, createdAt: isoDate, lastLoginAt: { type: ["string", "null"] }, grants: { type: "array", items: grant } },
  },
  Me: {
    type: "object",
    properties: { id: str, email: str, name: str, grants: { type: "array", items: { type: "object", properties: { id: str, role: str, namespace: { type: ["string", "null"] }, permissions: { type: "array", items: str } } } } },
  },
  AccessToken: {
    type: "object",
    properties: { id: str, name: str, prefix: str, scopes: { type: "array", items: str }, createdAt: isoDate, expiresAt: { type: ["string", "null"] }, lastUsedAt: { type: ["string", "null"] }, revokedAt: { type: ["string", "null"] } },
  },
  PasswordResetCheck: { type: "object", properties: { token: str }, required: ["token"] },
  PasswordResetLink: { type: "object", properties: { email: str, expiresAt: isoDate } },
  MemberUpdate: { type: "object", properties: { disabled: { type: "boolean" } }, required: ["disabled"] },
  PasswordReset: { type: "object", properties: { token: str, password: str }, required: ["token", "password"] },
  Invite: {
    type: "object",
    properties: { id: str, email: str, role: str, namespace: { type: ["string", "null"] }, expiresAt: isoDate, createdAt: isoDate, state: { enum: ["pending", "used", "expired", "revoked"] }, token: { type: "string", description: "only in the create response" } },
  },
  InviteCreate: { type: "object", properties: { email: str, role: str, namespace: { type: ["string", "null"] } }, required: ["email", "role"] },
  InviteAccept: { type: "object", properties: { token: str, name: str, password: str }, required: ["token", "name", "password"] },
  Role: { type: "object", properties: { id: str, name: str, description: str, builtIn: { type: "boolean" }, permissions: { type: "array", items: str }, members: { type: "integer" } } },
  RoleCreate: { type: "object", properties: { name: str, description: str, permissions: { type: "array", items: str } }, required: ["name", "permissions"] },
  RoleUpdate: { type: "object", properties: { description: str, permissions: { type: "array", items: str } } },
  Grant: grant,
  GrantCreate: { type: "object", properties: { userId: str, role: str, namespace: { type: ["string", "null"] } }, required: ["userId", "role"] },
  ServiceCreate: jsonSchema(createServiceSchema),
  ServiceUpdate: jsonSchema(updateServiceSchema),
  ServiceSummary: serviceSummary,
  ServiceDetail: {
    allOf: [
      serviceSummary,
      {
        type: "object",
        properties: {
          bindingList: { type: "array", items: binding },
          tokens: { type: "array", items: { type: "object" } },
          reads: { type: "array", items: { type: "object", properties: { secret: { type: "string" }, firstReadAt: isoDate, lastReadAt: isoDate, count: { type: "integer" } } } },
        },
      },
    ],
  },
  BindingCreate: jsonSchema(bindingSchema),
  Binding: binding,
  RuntimeSecrets: {
    type: "object",
    properties: {
      service: { type: "object", properties: { name: { type: "string" }, namespace: { type: "string" } } },
      secrets: {
        type: "array",
        items: {
          type: "object",
          properties: {
            secret: { type: "string" },
            version: { type: "integer" },
            target: { type: "string" },
            uid: { type: "integer" },
            gid: { type: "integer" },
            mode: { type: "string" },
            envName: { type: ["string", "null"] },
            kind: { enum: ["file", "dir"] },
            files: { type: "array", items: { type: "object", properties: { path: { type: "string" }, data: { type: "string", contentEncoding: "base64" } } } },
          },
        },
      },
    },
  },
  Error: {
    type: "object",
    properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] } },
  },
  Setup: jsonSchema(setupSchema),
  TokenRequest: {
    ...jsonSchema(signInSchema),
    properties: { ...(jsonSchema(signInSchema).properties as object), name: { type: "string" }, expiresInDays: { type: ["integer", "null"] } },
  },
  NewToken: {
    type: "object",
    properties: { token: { type: "string", description: "cfp_…, shown once" }, id: { type: "string" }, name: { type: "string" }, expiresAt: { type: ["string", "null"] } },
  },
  Namespace: { type: "object", properties: { name: { type: "string" }, createdAt: isoDate } },
  NamespaceCreate: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
  SecretCreate: jsonSchema(createSecretSchema),
  SecretData: jsonSchema(secretDataSchema),
  SecretLabels: { type: "object", properties: { labels: jsonSchema(labelsField) }, required: ["labels"] },
  Rollback: { type: "object", properties: { version: { type: "integer", minimum: 1 } }, required: ["version"] },
  SecretSummary: secretSummary,
  SecretDetail: {
    allOf: [
      secretSummary,
      {
        type: "object",
        properties: {
          versions: { type: "array", items: versionInfo },
          inspect: {
            type: "object",
            description: "the shape of `docker secret inspect`",
            properties: {
              ID: { type: "string" },
              Version: { type: "object", properties: { Index: { type: "integer" } } },
              CreatedAt: isoDate,
              UpdatedAt: isoDate,
              Spec: { type: "object", properties: { Name: { type: "string" }, Labels: labels } },
            },
          },
        },
      },
    ],
  },
  DeletedSecret: {
    type: "object",
    properties: { id: { type: "string" }, name: { type: "string" }, namespace: { type: "string" }, type: { type: "string" }, deletedAt: isoDate, deletedBy: { type: ["string", "null"] }, purgeAfter: isoDate },
  },
  SecretValue: {
    type: "object",
    properties: { name: { type: "string" }, namespace: { type: "string" }, version: { type: "integer" }, data: { type: "object", additionalProperties: { type: "string", contentEncoding: "base64" } } },
  },
};
