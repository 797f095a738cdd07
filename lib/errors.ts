// One error family for the whole product, each with its HTTP status and a
// stable code (DESIGN 7: `{"error": {"code", "message"}}`).

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "throttled"
  | "unavailable"
  | "undecryptable";

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent as Retry-After when set (throttling, outages). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends DomainError {
  constructor(message: string) {
    super(400, "bad_request", message);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = "sign in required") {
    super(401, "unauthorized", message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = "permission denied") {
    super(403, "forbidden", message);
  }
}

export class NotFound extends DomainError {
  constructor(message = "not found") {
    super(404, "not_found", message);
  }
}

export class Conflict extends DomainError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export class TooLarge extends DomainError {
  constructor(message: string) {
    super(413, "too_large", message);
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
