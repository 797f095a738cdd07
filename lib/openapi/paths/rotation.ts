// A secret's rotation policy (issue 18): set, show, stop, run now.
import { rotationPolicySchema, rotationRunResultSchema } from "../../rotation/rotation-dto.schema";
import { setRotationSchema } from "../../rotation/rotation-policy.schema";
import { answer, component, name, ns, type Operation } from "../operation";

const path = "/api/v1/namespaces/{ns}/secrets/{name}/rotation";
const policy = answer("the policy", component("RotationPolicy", rotationPolicySchema));

export const rotationOperations: Operation[] = [
  {
    method: "get",
    path,
    auth: "bearer",
    summary: "The secret's rotation policy: interval, generator, rotator (kind, admin secret name, roles), next and last run, last failure",
    parameters: [ns, name],
    responses: { 200: policy },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path,
    auth: "bearer",
    summary:
      "Set or replace the rotation policy (secret:update; a rotator also needs secret:reveal, and its check must pass: nothing is saved otherwise)",
    parameters: [ns, name],
    body: component("RotationPolicySet", setRotationSchema),
    responses: { 200: policy },
    errors: [400, 401, 403, 404, 409, 413],
  },
  {
    method: "delete",
    path,
    auth: "bearer",
    summary: "Stop rotating; the versions written stay",
    parameters: [ns, name],
    responses: { 204: { description: "stopped" } },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: `${path}/run`,
    auth: "bearer",
    summary: "Rotate now, off the schedule: answers the new version, or the failure (recorded on the policy and audited)",
    parameters: [ns, name],
    responses: { 200: answer("what the run did", component("RotationRun", rotationRunResultSchema)) },
    errors: [401, 403, 404, 409],
  },
];
