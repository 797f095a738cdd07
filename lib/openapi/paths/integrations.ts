// Integrations of a namespace (orchestrator credentials), and the Docker
// Swarm delivery endpoint `coffer docker-plugin` forwards dockerd's
// GetSecret to. The Kubernetes KMS endpoints are declared beside them.
import { z } from "zod";
import { secretProviderRequestSchema } from "../../integrations/docker-swarm-request";
import { dockerSwarmDeliverySchema, integrationInfoSchema, newIntegrationSchema } from "../../integrations/integration-dto.schema";
import { createIntegrationSchema } from "../../integrations/integration-rules";
import { renewIntegrationTokenSchema } from "../../integrations/renew-integration-token.schema";
import { answer, component, errorSchema, id, ns, type Operation } from "../operation";

const integrations = "/api/v1/namespaces/{ns}/integrations";

export const integrationOperations: Operation[] = [
  {
    method: "get",
    path: integrations,
    auth: "bearer",
    summary: "Integrations of a namespace, revoked ones included (never their tokens); needs integration:manage",
    parameters: [ns],
    responses: { 200: answer("integrations", component("IntegrationList", z.object({ integrations: z.array(integrationInfoSchema) }))) },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: integrations,
    auth: "bearer",
    summary:
      "Create an integration (cfi_…, shown once); needs integration:manage, and secret:bind for docker-swarm, since its token reads every bound secret of the namespace",
    parameters: [ns],
    body: component("IntegrationCreate", createIntegrationSchema),
    responses: { 201: answer("the integration and its token, shown once", component("NewIntegration", newIntegrationSchema)) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: `${integrations}/{id}`,
    auth: "bearer",
    summary: "Revoke an integration: its token is refused from the next call",
    parameters: [ns, id],
    responses: { 204: { description: "revoked" } },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: `${integrations}/{id}/token`,
    auth: "bearer",
    summary:
      "Renew an integration's token (cfi_…, shown once) on the same integration, so a kubernetes-kms one's ciphertexts still decrypt; the old token is refused from the next call. The body is optional. Same permissions as create; a revoked integration cannot be renewed (409)",
    parameters: [ns, id],
    body: component("IntegrationTokenRenew", renewIntegrationTokenSchema),
    responses: { 200: answer("the integration and its new token, shown once", component("NewIntegration", newIntegrationSchema)) },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/integrations/docker-swarm/deliveries",
    auth: "integrationToken",
    summary:
      "One Swarm task's secret (docker-swarm integration): the body is dockerd's SecretProviderRequest; the Swarm service must map to a Coffer service bound to the secret; audited as that service's secret.read",
    body: component("SecretProviderRequest", secretProviderRequestSchema),
    responses: {
      200: answer("the value and what it was resolved to", component("DockerSwarmDelivery", dockerSwarmDeliverySchema)),
      403: answer("not bound, a token of the other kind, or the creator no longer holds secret:bind (audited)", errorSchema),
      404: answer("no such Coffer service, secret or version in the integration's namespace; the message names it", errorSchema),
      503: answer("audit trail unavailable: nothing delivered", errorSchema),
    },
    errors: [400, 401],
  },
];
