// Every server action, the lib function it calls, the API route that
// calls the same function, and how a denied actor is refused by the action
// itself. The matrix drives the route with every role; action-table.test.ts
// checks each action really calls its function and that no action is
// missing here; e2e/ux-authz-console.spec.ts POSTs every action of the
// build's manifest as a low-privilege member (or, for `sign-in`, signed
// out) with the `drive` fields, and fails on an action without a row.
//
// The rows live in action-table-{instance,namespaced,team}.ts by area; this
// file keeps them in one list, in the order the console spec drives them.
import type { ActionEntry } from "./action-table-entry";
import { APPROVAL_ACTIONS } from "./action-table-approvals";
import { ACCOUNT_AND_AUDIT_ACTIONS, KEY_AND_TOKEN_ACTIONS } from "./action-table-instance";
import { NAMESPACED_ACTIONS } from "./action-table-namespaced";
import { TEAM_ACTIONS } from "./action-table-team";

export type { ActionEntry, Drive } from "./action-table-entry";

export const ACTIONS: ActionEntry[] = [
  ...ACCOUNT_AND_AUDIT_ACTIONS,
  ...NAMESPACED_ACTIONS,
  ...KEY_AND_TOKEN_ACTIONS,
  ...TEAM_ACTIONS,
  ...APPROVAL_ACTIONS,
];
