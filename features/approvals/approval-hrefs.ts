// Links to the approvals pages and from a request into the audit log.

export type ApprovalTab = "decide" | "mine" | "all";

export const APPROVAL_TABS: readonly ApprovalTab[] = ["decide", "mine", "all"];

export function approvalsHref(tab?: ApprovalTab): string {
  return tab && tab !== "decide" ? `/approvals?tab=${tab}` : "/approvals";
}

export function approvalHref(id: string): string {
  return `/approvals/${encodeURIComponent(id)}`;
}

/** The request's own events (requested, approved or denied, cancelled): each names it as its resource. */
export function approvalAuditHref(id: string): string {
  return `/audit?${new URLSearchParams({ resourceId: id })}`;
}

// The gated action's event names the secret or service it acted on, not the
// request (which is in its details): the events of that action (its audit
// action has the same name) on that object, around the moment the approval
// was used, show it.
const AROUND_MS = 60_000;

export function usedAuditHref(request: {
  action: string;
  namespace: string | null;
  target: Record<string, string>;
  usedAt: string;
}): string {
  const used = Date.parse(request.usedAt);
  const params = new URLSearchParams({ action: request.action });
  if (request.namespace) params.set("namespace", request.namespace);
  // A binding's event is the service's; an integration's names the integration.
  const name = request.target.service ?? request.target.secret ?? request.target.name;
  if (name) params.set("q", name);
  params.set("from", new Date(used - AROUND_MS).toISOString());
  params.set("to", new Date(used + AROUND_MS).toISOString());
  return `/audit?${params}`;
}
