// Who is acting, and from where. Every domain function takes one first.

export type RequestContext = {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
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

export type Actor = UserActor | AnonymousActor | SystemActor | ServiceActor;

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
