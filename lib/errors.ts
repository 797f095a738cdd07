// One error family for the whole product, each with its HTTP status and a
// stable code; the API answers `{"error": {"code", "message"}}`.

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "mfa_required"
  | "forbidden"
  | "approval_required"
  | "not_found"
  | "conflict"
  | "too_large"
  | "throttled"
  | "unavailable"
  | "undecryptable";

/**
 * Which input an error is about, by its dot-joined path ("labels.team"):
 * `field` when the message itself is about one, `fields` (path → message)
 * when there are several. A form shows each message next to its field; the
 * API answers with `message` alone, so its body does not change.
 */
export type FieldOptions = { field?: string; fields?: Readonly<Record<string, string>> };

export class DomainError extends Error {
  /** Path → message of every input field the error is about; absent (not even a key) when it names none. */
  declare readonly fields?: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent as Retry-After when set (throttling, outages). */
    readonly retryAfterSeconds?: number,
    { field, fields }: FieldOptions = {},
  ) {
    super(message);
    this.name = new.target.name;
    const named = { ...(field ? { [field]: message } : {}), ...fields };
    if (Object.keys(named).length) this.fields = named;
  }
}

export class BadRequest extends DomainError {
  constructor(message: string, on?: FieldOptions) {
    super(400, "bad_request", message, undefined, on);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = "sign in required") {
    super(401, "unauthorized", message);
  }
}

/** The password was right and the account has a second factor: the code is still owed (issue 16). */
export class MfaRequired extends DomainError {
  constructor(message = "a one-time code from your authenticator app (or a recovery code) is required: send it as `otp`") {
    super(401, "mfa_required", message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = "permission denied") {
    super(403, "forbidden", message);
  }
}

/**
 * The action needs a second person's approval first (issue 16 §3). A
 * refusal like any other 403 (audited as denied, nothing done); the body
 * carries the gate so a client can request the approval generically.
 */
export class ApprovalRequired extends Forbidden {
  constructor(
    message: string,
    readonly gate: { action: string; namespace: string | null; target: Record<string, string> },
  ) {
    super(message);
    Object.defineProperty(this, "code", { value: "approval_required", enumerable: true });
  }
}

export class NotFound extends DomainError {
  constructor(message = "not found") {
    super(404, "not_found", message);
  }
}

/** A clash with what exists; `on` names the field when the clash is about one ("name already exists"). */
export class Conflict extends DomainError {
  constructor(message: string, on?: FieldOptions) {
    super(409, "conflict", message, undefined, on);
  }
}

export class TooLarge extends DomainError {
  constructor(message: string, on?: FieldOptions) {
    super(413, "too_large", message, undefined, on);
  }
}

export class Throttled extends DomainError {
  declare readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(429, "throttled", message, retryAfterSeconds);
  }
}

export class Unavailable extends DomainError {
  constructor(message: string, retryAfterSeconds?: number) {
    super(503, "unavailable", message, retryAfterSeconds);
  }
}

/** PostgreSQL is down or out of reach: worth retrying, not a bug (lib/db/prisma-errors.ts tells them apart). */
export class DatabaseUnavailable extends Unavailable {
  constructor() {
    super("the database is unavailable; try again shortly", 5);
  }
}

/** The server cannot start as configured (a bad setting, an unreachable database, a key that does not fit the data): printed, then exit 1. */
export class StartupError extends Error {}
