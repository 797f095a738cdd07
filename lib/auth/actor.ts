// Who is acting, and from where. Every domain function takes one first.
import type { IntegrationKind } from "../../packages/contracts/src/integrations/integration-dto";

export type RequestContext = {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The approval request an action uses (issue 16 §3), from the X-Coffer-Approval header. */
  approvalId?: string | null;
};

export type UserActor = {
  type: "user";
  id: string;
  label: string;
  context: RequestContext;
  /** Set when acting through a personal API token: its id and scopes (empty = all of the user's). */
  token?: { id: string; scopes: string[] };
};
/** Someone not signed in: a login attempt, the first-run setup. */
export type AnonymousActor = { type: "anonymous"; id: null; label: string | null; context: RequestContext };
/** Coffer itself: jobs, start-up. */
export type SystemActor = { type: "system"; id: null; label: "coffer"; context: RequestContext };

/** A workload reading its bound secrets with a service token (`cfs_…`). */
export type ServiceActor = {
  type: "service";
  id: string;
  label: string;
  context: RequestContext;
  namespace: string;
  tokenId: string;
};

/**
 * An orchestrator acting with an integration token (`cfi_…`): a Swarm's
 * secret driver, a kube-apiserver's KMS plugin. It holds no permissions of
 * its own: what it may do follows from its kind, its namespace's bindings
 * and its creator's grants.
 */
export type IntegrationActor = {
  type: "integration";
  id: string;
  /** `<namespace>/<name>` */
  label: string;
  context: RequestContext;
  namespace: string;
  namespaceId: string;
  kind: IntegrationKind;
  /** The member who created it, null when that member is gone. */
  createdById: string | null;
};

export type Actor = UserActor | AnonymousActor | SystemActor | ServiceActor | IntegrationActor;

export const emptyContext: RequestContext = { ip: null, userAgent: null, requestId: null };

export function userActor(user: { id: string; email: string }, context = emptyContext): UserActor {
  return { type: "user", id: user.id, label: user.email, context };
}

export function anonymousActor(context = emptyContext, label: string | null = null): AnonymousActor {
  return { type: "anonymous", id: null, label, context };
}

export function systemActor(context = emptyContext): SystemActor {
  return { type: "system", id: null, label: "coffer", context };
}
