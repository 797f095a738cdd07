// The shape of one action-table row and the helpers the
// action-table-*.ts files build their rows with.

export type ActionEntry = {
  file: string;
  action: string;
  /** The domain function the action calls (authorizes and audits). */
  calls: string;
  /** "METHOD /path" of the matrix entry driving the same function, or why there is none. */
  route: string | { none: "public" | "own account" };
  drive: Drive;
};

/**
 * - denied: as a member holding only viewer in `default`: refused, one `denied` audit event, nothing changed.
 * - sign-in: signed out: redirected to /login, nothing changed (the member's own account needs a session).
 * - bad credential: public, with a made-up token or password: nothing changed, no session.
 * `{name}` placeholders are filled from what e2e/ux-authz-console.spec.ts arranged.
 */
export type Drive = { refusal: "denied" | "sign-in" | "bad credential"; form?: Record<string, string | string[]>; args?: unknown[] };

export const NO_ARGS: unknown[] = [];
export const denied = (form?: Drive["form"], args?: unknown[]): Drive => ({ refusal: "denied", form, args });
export const entry = (key = "value", value = "CANARY-authz-console-value") => ({ mode: "text", entryKey: key, entryValue: value });

/** The OpenAPI path prefix the namespaced rows name their route with. */
export const ns = "/api/v1/namespaces/{ns}";
