// Services, their bindings and tokens, and the runtime API their agents poll.
import { z } from "zod";
import {
  bindingInfoSchema,
  deliveredSecretSchema,
  newServiceTokenSchema,
  serviceDetailSchema,
  serviceSummarySchema,
  serviceTokenInfoSchema,
} from "../../services/service-dto.schema";
import { bindingSchema, createServiceSchema, updateServiceSchema } from "../../services/service-rules";
import { createServiceTokenSchema } from "../../services/service-tokens";
import { pageQuerySchema } from "../../db/keyset-cursor";
import { answer, component, errorSchema, id, name, ns, pathParameter, queryOf, type Operation } from "../operation";
import { runtimeManifestList, runtimeManifestYaml } from "./manifest-bodies";

const ServiceSummary = component("ServiceSummary", serviceSummarySchema);
const Binding = component("Binding", bindingInfoSchema);
const services = "/api/v1/namespaces/{ns}/services";
const service = `${services}/{name}`;

export const serviceOperations: Operation[] = [
  {
    method: "get",
    path: services,
    auth: "bearer",
    summary: "List services",
    parameters: [ns, ...queryOf(pageQuerySchema)],
    responses: {
      200: answer(
        "one page of services by name; follow nextCursor (null on the last page)",
        component("ServiceList", z.object({ services: z.array(serviceSummarySchema), nextCursor: z.string().nullable() })),
      ),
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: services,
    auth: "bearer",
    summary: "Create a service",
    parameters: [ns],
    body: component("ServiceCreate", createServiceSchema),
    responses: { 201: answer("created", ServiceSummary) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "get",
    path: service,
    auth: "bearer",
    summary: "A service with its bindings, tokens and recent reads",
    parameters: [ns, name],
    responses: { 200: answer("the service", component("ServiceDetail", serviceDetailSchema)) },
    errors: [401, 403, 404],
  },
  {
    method: "patch",
    path: service,
    auth: "bearer",
    summary: "Rename, describe or relabel",
    parameters: [ns, name],
    body: component("ServiceUpdate", updateServiceSchema),
    responses: { 200: answer("changed", ServiceSummary) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: service,
    auth: "bearer",
    summary: "Delete a service with its bindings and tokens",
    parameters: [ns, name],
    responses: { 204: { description: "deleted" } },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: `${service}/bindings`,
    auth: "bearer",
    summary: "Bindings of a service",
    parameters: [ns, name],
    responses: { 200: answer("bindings", component("BindingList", z.object({ bindings: z.array(bindingInfoSchema) }))) },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: `${service}/bindings`,
    auth: "bearer",
    summary: "Bind a secret (docker --secret-add); needs binding:manage and secret:bind, since the service's tokens read the bound value",
    parameters: [ns, name],
    body: component("BindingCreate", bindingSchema),
    responses: { 201: answer("bound", Binding) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: `${service}/bindings/{target}`,
    auth: "bearer",
    summary: "Unbind by target or secret name (docker --secret-rm)",
    parameters: [ns, name, pathParameter("target")],
    responses: { 204: { description: "removed" } },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: `${service}/tokens`,
    auth: "bearer",
    summary: "Tokens of a service (never their values)",
    parameters: [ns, name],
    responses: { 200: answer("tokens", component("ServiceTokenList", z.object({ tokens: z.array(serviceTokenInfoSchema) }))) },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: `${service}/tokens`,
    auth: "bearer",
    summary:
      "Create a service token (cfs_…, shown once); needs servicetoken:manage and secret:bind, since the token reads every bound value",
    parameters: [ns, name],
    // The body is optional: an empty request makes a token named "agent".
    body: component("ServiceTokenCreate", createServiceTokenSchema),
    responses: { 201: answer("the token, shown once", component("NewServiceToken", newServiceTokenSchema)) },
    errors: [400, 401, 403, 404],
  },
  {
    method: "delete",
    path: `${service}/tokens/{id}`,
    auth: "bearer",
    summary: "Revoke a service token",
    parameters: [ns, name, id],
    responses: { 204: { description: "revoked" } },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/runtime/secrets",
    auth: "serviceToken",
    summary:
      "The calling service's bound secrets with values (base64) and file metadata; audited per secret. With Accept: application/yaml (or application/json;profile=kubernetes) the same read answers Kubernetes Secret manifests (multi-document YAML, or a kind: List) instead, with ETags of their own",
    parameters: [
      { name: "If-None-Match", in: "header", schema: { type: "string" } },
      {
        name: "Accept",
        in: "header",
        description: "application/json (the default), application/yaml or application/json;profile=kubernetes",
        schema: { type: "string" },
      },
      {
        name: "namespace",
        in: "query",
        description: "With a manifest Accept type: the Secrets' metadata.namespace (a Kubernetes namespace name); 400 otherwise",
        schema: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 },
      },
    ],
    responses: {
      200: {
        description: "bound secrets with their values",
        // By Accept (lib/services/runtime-manifest.ts negotiateFormat); charset=utf-8 is added to the manifest types.
        content: {
          "application/json": component(
            "RuntimeSecrets",
            z.object({ service: z.object({ name: z.string(), namespace: z.string() }), secrets: z.array(deliveredSecretSchema) }),
          ),
          "application/json; profile=kubernetes": runtimeManifestList,
          "application/yaml": runtimeManifestYaml,
        },
      },
      304: { description: "unchanged since that ETag" },
      400: answer("a namespace that is not a Kubernetes namespace name, or one without a manifest Accept type", errorSchema),
      403: answer("the token's creator no longer holds secret:bind in the namespace", errorSchema),
      503: answer("audit trail unavailable: nothing delivered", errorSchema),
    },
    errors: [401],
  },
];
