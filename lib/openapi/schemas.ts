// JSON Schemas for the OpenAPI document, generated from the same zod
// schemas the routes validate with, so the document cannot drift from them.
import { z } from "zod";
import { signInSchema } from "../auth/sign-in";
import { setupSchema } from "../auth/setup";
import { createSecretSchema, secretDataSchema } from "../secrets/create-secret.schema";
import { labelsField } from "../secrets/secret-rules";

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-unused-vars
  return rest;
}

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

export const components = {
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
