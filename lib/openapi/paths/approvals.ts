// Approvals, the two-person rule (issue 16 §3): requests, decisions and the
// policies that say which actions need them.
import { approvalPolicySchema } from "../../approvals/approval-policy";
import { approvalListSchema, approvalPolicySchemaOut, approvalSchema } from "../../approvals/approval-dto.schema";
import { listApprovalsSchema } from "../../approvals/list-approvals";
import { decideApprovalSchema, requestApprovalSchema } from "../../approvals/request-approval.schema";
import { answer, component, id, ns, queryOf, type Operation } from "../operation";

const approval = answer("the request", component("Approval", approvalSchema));
const policy = answer("the policy", component("ApprovalPolicy", approvalPolicySchemaOut));
const decision = component("ApprovalDecision", decideApprovalSchema);
const policyInput = component("ApprovalPolicyInput", approvalPolicySchema);

export const approvalOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/approvals",
    auth: "bearer",
    summary: "The caller's requests and those the caller could decide, newest first (at most 100)",
    parameters: queryOf(listApprovalsSchema),
    responses: { 200: answer("requests", component("ApprovalList", approvalListSchema)) },
    errors: [400, 401],
  },
  {
    method: "post",
    path: "/api/v1/approvals",
    auth: "bearer",
    summary: "Ask a second person to approve one action (the `approval` of a 403 approval_required answer, plus a reason)",
    body: component("ApprovalRequestInput", requestApprovalSchema),
    responses: { 201: approval },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/approvals/{id}",
    auth: "bearer",
    summary: "One request, for its requester and those who could decide it",
    parameters: [id],
    responses: { 200: approval },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v1/approvals/{id}/approve",
    auth: "bearer",
    summary: "Approve another member's pending request (needs the action's permission); usable once, for the policy's approvalMinutes",
    parameters: [id],
    body: decision,
    responses: { 200: approval },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/approvals/{id}/deny",
    auth: "bearer",
    summary: "Deny another member's pending request",
    parameters: [id],
    body: decision,
    responses: { 200: approval },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/approvals/{id}/cancel",
    auth: "bearer",
    summary: "Take back one's own request, pending or approved and unused",
    parameters: [id],
    responses: { 200: approval },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/namespaces/{ns}/approval-policy",
    auth: "bearer",
    summary: "Which actions in the namespace need a second person's approval",
    parameters: [ns],
    responses: { 200: policy },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/api/v1/namespaces/{ns}/approval-policy",
    auth: "bearer",
    summary: "Set the namespace's approval policy (namespace:manage); key.rewrap_start belongs to the instance policy",
    parameters: [ns],
    body: policyInput,
    responses: { 200: policy },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/approval-policy",
    auth: "bearer",
    summary: "The instance policy: whether starting a re-wrap needs a second person's approval",
    responses: { 200: policy },
    errors: [401, 403],
  },
  {
    method: "put",
    path: "/api/v1/approval-policy",
    auth: "bearer",
    summary: "Set the instance policy (key:manage); its actions are key.rewrap_start or none",
    body: policyInput,
    responses: { 200: policy },
    errors: [400, 401, 403],
  },
];
