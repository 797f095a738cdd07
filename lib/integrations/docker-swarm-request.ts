// What dockerd asks the secret driver, and which Coffer service and secret
// it means. Docker names the Swarm service and secret; their labels
// (coffer.service, coffer.secret) name the Coffer ones when the names
// differ, `name@version` pinning a version on the Swarm side (a Swarm
// secret is immutable, so a pinned one is the Docker way to use it).
import { z } from "zod";
import { BadRequest } from "../errors";
import { parseInput } from "../input/parse-input";
import { SECRET_NAME } from "../secrets/secret-rules";
import { COFFER_SECRET_LABEL, COFFER_SERVICE_LABEL } from "../../packages/contracts/src/integrations/docker-swarm";

const text = (field: string) => z.string({ error: `${field} must be a string` }).max(1024, `${field} is at most 1024 characters`);
const labels = (field: string) =>
  z
    .record(z.string(), text(`${field} values`), { error: `${field} must be an object of strings` })
    .nullish()
    .transform((value) => value ?? {});

// dockerd sends more (TaskImage, ServiceEndpointSpec…): unknown fields pass.
export const secretProviderRequestSchema = z.looseObject({
  SecretName: z
    .string({ error: (issue) => (issue.input === undefined ? "SecretName is required" : "SecretName must be a string") })
    .min(1, "SecretName is required")
    .max(1024, "SecretName is at most 1024 characters"),
  SecretLabels: labels("SecretLabels"),
  ServiceID: text("ServiceID").optional(),
  ServiceName: text("ServiceName").optional(),
  ServiceLabels: labels("ServiceLabels"),
  TaskID: text("TaskID").optional(),
  TaskName: text("TaskName").optional(),
  NodeID: text("NodeID").optional(),
});

export type SwarmRequest = {
  /** The Coffer service and secret the request maps to. */
  service: string;
  secret: string;
  version: number | null;
  /** The Swarm side, for the audit details. */
  swarm: {
    service: string | null;
    serviceId: string | null;
    secret: string;
    task: string | null;
    taskId: string | null;
    node: string | null;
  };
};

export function parseSwarmRequest(input: unknown): SwarmRequest {
  const request = parseInput(secretProviderRequestSchema, input ?? {});
  const service = request.ServiceLabels[COFFER_SERVICE_LABEL] ?? request.ServiceName;
  if (!service) {
    throw new BadRequest(`the request names no Swarm service: ServiceName or the service label ${COFFER_SERVICE_LABEL} is required`, {
      field: "ServiceName",
    });
  }
  const label = request.SecretLabels[COFFER_SECRET_LABEL];
  const reference = label ?? request.SecretName;
  const from = label !== undefined ? `the Swarm secret label ${COFFER_SECRET_LABEL}` : "SecretName";
  const match = /^([^@]*)(?:@(.*))?$/.exec(reference)!;
  const secret = match[1]!;
  if (!SECRET_NAME.test(secret)) {
    throw new BadRequest(`${from} '${reference}' does not name a Coffer secret (a name, optionally followed by @version)`, {
      field: "SecretName",
    });
  }
  let version: number | null = null;
  if (match[2] !== undefined) {
    if (!/^[1-9][0-9]{0,8}$/.test(match[2])) {
      throw new BadRequest(`${from} '${reference}' has an invalid version: after '@' comes a version number (1, 2, …)`, {
        field: "SecretName",
      });
    }
    version = Number(match[2]);
  }
  return {
    service,
    secret,
    version,
    swarm: {
      service: request.ServiceName ?? null,
      serviceId: request.ServiceID ?? null,
      secret: request.SecretName,
      task: request.TaskName ?? null,
      taskId: request.TaskID ?? null,
      node: request.NodeID ?? null,
    },
  };
}
