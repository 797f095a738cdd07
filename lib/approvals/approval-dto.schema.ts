// The public shapes of the approval API (issue 16 §3) as zod schemas, for
// the OpenAPI document. Each must describe its DTO type exactly (checked at
// the bottom).
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import {
  APPROVAL_ACTIONS,
  APPROVAL_STATUSES,
  type ApprovalDto,
  type ApprovalListDto,
  type ApprovalPolicyDto,
} from "../../packages/contracts/src/approvals/approval-dto";

const time = z.iso.datetime();
const person = z.object({ id: z.string(), email: z.string() });

export const approvalSchema = z.object({
  id: z.string().meta({ description: "apr_…; send it as X-Coffer-Approval to name the approval an action uses" }),
  namespace: z.string().nullable().meta({ description: "null: an instance action (key.rewrap_start)" }),
  action: z.enum(APPROVAL_ACTIONS),
  actionLabel: z.string(),
  target: z
    .record(z.string(), z.string())
    .meta({ description: "what the action is about: {secret}, {service, secret}, {service}, {kind, name} or {}" }),
  summary: z.string().meta({ description: "e.g. Reveal prod/db-password" }),
  reason: z.string(),
  status: z.enum(APPROVAL_STATUSES).meta({ description: "expired: pending or approved, past expiresAt" }),
  requester: person,
  decidedBy: person.nullable(),
  decidedAt: time.nullable(),
  decisionNote: z.string().nullable(),
  expiresAt: time.meta({ description: "pending: 24 h after the request; approved: the policy's approvalMinutes after the decision" }),
  usedAt: time.nullable(),
  createdAt: time,
  url: z.string().meta({ description: "the request's page in the console" }),
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});

export const approvalListSchema = z.object({ items: z.array(approvalSchema) });

export const approvalPolicySchemaOut = z.object({
  namespace: z.string().nullable(),
  actions: z.array(z.enum(APPROVAL_ACTIONS)),
  approvalMinutes: z.number().int(),
  updatedAt: time.nullable(),
  updatedBy: person.nullable(),
});

export type ApprovalSchemasAgree = Agree<
  [
    Same<z.output<typeof approvalSchema>, ApprovalDto>,
    Same<z.output<typeof approvalListSchema>, ApprovalListDto>,
    Same<z.output<typeof approvalPolicySchemaOut>, ApprovalPolicyDto>,
  ]
>;
