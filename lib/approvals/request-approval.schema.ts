import { z } from "zod";
import { APPROVAL_ACTIONS } from "./approval-actions";

export const requestApprovalSchema = z.strictObject({
  namespace: z.string().min(1).max(253).nullish(),
  action: z.enum(APPROVAL_ACTIONS),
  target: z.record(z.string(), z.string()).default({}),
  reason: z.string().trim().min(1, "a reason is required").max(500),
});

export type RequestApprovalInput = z.input<typeof requestApprovalSchema>;

export const decideApprovalSchema = z.strictObject({ note: z.string().trim().max(500).nullish() });
export type DecideApprovalInput = z.input<typeof decideApprovalSchema>;
