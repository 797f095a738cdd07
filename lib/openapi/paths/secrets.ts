// Secrets: metadata, versions, the audited value endpoint, the recovery window.
import { z } from "zod";
import { createSecretSchema, secretDataSchema } from "../../secrets/create-secret.schema";
import { revealSchema } from "../../secrets/reveal-secret";
import { rollbackSchema } from "../../secrets/rollback-secret";
import {
  deletedSecretSchema,
  revealedSecretSchema,
  secretDetailSchema,
  secretSummarySchema,
  versionInfoSchema,
} from "../../secrets/secret-dto.schema";
import { kubernetesManifestSchema, manifestAppliedSchema, manifestCreatedSchema } from "../../secrets/kubernetes/manifest-dto.schema";
import { labelsSchema } from "../../secrets/update-secret-labels";
import { pageQuerySchema } from "../../db/keyset-cursor";
import { answer, component, name, ns, queryOf, type Operation } from "../operation";
import { asYaml, manifestYaml } from "./manifest-bodies";

const SecretDetail = component("SecretDetail", secretDetailSchema);
const KubernetesManifest = component("KubernetesManifest", kubernetesManifestSchema);
const detail = answer("the secret", SecretDetail);
const secrets = "/api/v1/namespaces/{ns}/secrets";
const secret = `${secrets}/{name}`;

export const secretOperations: Operation[] = [
  {
    method: "get",
    path: secrets,
    auth: "bearer",
    summary: "List secrets (metadata only)",
    parameters: [
      ns,
      {
        name: "filter",
        in: "query",
        schema: { type: "array", items: { type: "string" } },
        description: "name=PREFIX, label=KEY or label=KEY=VALUE; repeatable",
      },
      ...queryOf(pageQuerySchema),
    ],
    responses: {
      200: answer(
        "one page of secrets by name; follow nextCursor (null on the last page)",
        component("SecretList", z.object({ secrets: z.array(secretSummarySchema), nextCursor: z.string().nullable() })),
      ),
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: secrets,
    auth: "bearer",
    summary:
      "Create a secret. The body may also be a Kubernetes Secret or List (JSON, told apart by kind/apiVersion) or, with Content-Type application/yaml, a YAML stream of them: all are created or none, answered as SecretsCreated",
    parameters: [ns],
    // JSON may be a manifest too (the summary says so), but is described as Coffer's body alone: the fuzzer
    // (tests/fuzz) draws its bodies from this schema, and half of them manifests would starve createSecret.
    bodies: { "application/json": component("SecretCreate", createSecretSchema), ...asYaml(manifestYaml) },
    responses: {
      201: answer("created", component("SecretCreated", z.union([secretSummarySchema, manifestCreatedSchema]))),
    },
    errors: [400, 401, 403, 404, 409, 413],
  },
  {
    method: "get",
    path: secret,
    auth: "bearer",
    summary: "Inspect a secret (metadata, versions, docker-shaped inspect)",
    parameters: [ns, name],
    responses: { 200: detail },
    errors: [401, 403, 404],
  },
  {
    method: "patch",
    path: secret,
    auth: "bearer",
    summary: "Replace labels and/or set expiresAt (ISO 8601; null clears it)",
    parameters: [ns, name],
    body: component("SecretLabels", labelsSchema),
    responses: { 200: detail },
    errors: [400, 401, 403, 404],
  },
  {
    method: "delete",
    path: secret,
    auth: "bearer",
    summary: "Delete into the recovery window; ?purge=true removes a deleted secret for good (secret:purge)",
    parameters: [ns, name, { name: "purge", in: "query", schema: { type: "boolean" } }],
    responses: { 204: { description: "deleted" } },
    errors: [401, 403, 404, 409],
  },
  {
    method: "get",
    path: `${secret}/versions`,
    auth: "bearer",
    summary: "Versions of a secret, newest first",
    parameters: [ns, name, ...queryOf(pageQuerySchema)],
    responses: {
      200: answer(
        "one page of versions; follow nextCursor (null on the last page)",
        component("VersionList", z.object({ versions: z.array(versionInfoSchema), nextCursor: z.string().nullable() })),
      ),
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: `${secret}/versions`,
    auth: "bearer",
    summary: "Rotate: new data, new version",
    parameters: [ns, name],
    body: component("SecretData", secretDataSchema),
    responses: { 201: detail },
    errors: [400, 401, 403, 404, 409, 413],
  },
  {
    method: "post",
    path: `${secret}/rollback`,
    auth: "bearer",
    summary: "Roll back: a new version with an old version's data",
    parameters: [ns, name],
    body: component("Rollback", rollbackSchema),
    responses: { 200: detail },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: `${secret}/restore`,
    auth: "bearer",
    summary: "Restore a deleted secret within its recovery window",
    parameters: [ns, name],
    responses: { 200: detail },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: `${secret}/value`,
    auth: "bearer",
    summary: "Reveal values (secret:reveal, API tokens only; audited)",
    parameters: [ns, name, ...queryOf(revealSchema)],
    responses: { 200: answer("values, base64", component("SecretValue", revealedSecretSchema)) },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/namespaces/{ns}/manifests",
    auth: "bearer",
    summary:
      "Apply a Kubernetes Secret manifest (JSON, or YAML with Content-Type application/yaml): create each Secret, or rotate it when its data differs and relabel it when its labels differ, all or none",
    parameters: [ns],
    bodies: { "application/json": KubernetesManifest, ...asYaml(manifestYaml) },
    responses: { 200: answer("what was done to each Secret", component("ManifestApplied", manifestAppliedSchema)) },
    errors: [400, 401, 403, 404, 409, 413],
  },
  {
    method: "get",
    path: "/api/v1/namespaces/{ns}/deleted-secrets",
    auth: "bearer",
    summary: "Secrets in their recovery window",
    parameters: [ns],
    responses: { 200: answer("deleted secrets", component("DeletedSecretList", z.object({ secrets: z.array(deletedSecretSchema) }))) },
    errors: [401, 403, 404],
  },
];
