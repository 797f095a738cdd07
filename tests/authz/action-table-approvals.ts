// The console's approval actions (issue 16 §3). Setting a namespace's
// policy and requesting an approval are driven as the viewer in default
// (no namespace:manage, no secret:delete); deciding and cancelling need a
// request the viewer could act on, which the console spec's world does not
// hold, so they are driven signed out.
import { denied, ns, type ActionEntry } from "./action-table-entry";

const approvals = "features/approvals/actions.ts";

export const APPROVAL_ACTIONS: ActionEntry[] = [
  {
    file: approvals,
    action: "setApprovalPolicyAction",
    calls: "setApprovalPolicy",
    route: `PUT ${ns}/approval-policy`,
    drive: denied({ ns: "default", actions: ["secret.reveal"], approvalMinutes: "60" }),
  },
  {
    file: approvals,
    action: "requestApprovalAction",
    calls: "requestApproval",
    route: "POST /api/v1/approvals",
    drive: denied({ namespace: "default", action: "secret.delete", target: '{"secret":"{secret}"}', reason: "authz console" }),
  },
  {
    file: approvals,
    action: "decideApprovalAction",
    calls: "decideApproval",
    route: "POST /api/v1/approvals/{id}/approve",
    drive: { refusal: "sign-in", form: { id: "apr_authz-console-none", decision: "approve", note: "" } },
  },
  {
    file: approvals,
    action: "cancelApprovalAction",
    calls: "cancelApproval",
    route: "POST /api/v1/approvals/{id}/cancel",
    drive: { refusal: "sign-in", form: { id: "apr_authz-console-none" } },
  },
];
