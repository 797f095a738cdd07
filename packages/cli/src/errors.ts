// The CLI's error family. Each kind is printed differently (docker's wording
// for each), so run.ts can turn any failure into one stderr block and exit 1
// without commands having to print anything themselves.

/** Bad command line: printed with the usage line and a pointer to --help, like cobra does for docker. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** "secret create": the command whose usage to show. */
    readonly command: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A client-side failure with a message meant for the user as is (file not readable, not logged in …). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** The server answered with an error status; `message` is the server's own. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server that answered, for the `coffer login --server URL` hint on 401. */
    readonly server: string,
    /** The whole `error` object of the body: approval_required carries its gate in `approval`. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** No HTTP answer at all (refused, DNS, TLS, timeout). */
export class ConnectError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
  ) {
    super(`Cannot connect to the Coffer server at ${server}: ${reason}`);
    this.name = "ConnectError";
  }
}

/** The line docker prints for a daemon error, plus our hint when the token is missing or stale. */
export function apiErrorLine(error: ApiError, withLoginHint = true): string {
  const hint = withLoginHint && error.status === 401 ? ` (run: coffer login --server ${error.server})` : "";
  return `Error response from server: ${error.message}${hint}`;
}
