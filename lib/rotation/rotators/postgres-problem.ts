// What went wrong talking to PostgreSQL, in words safe to show on the secret
// page and in an audit event: the server's own messages and a driver's
// errors can carry a host, a user or part of a URL, so each known cause is
// said in our words and anything else by its SQLSTATE or errno alone.

/** A problem with a message already safe to show; the rotator turns it into BadRequest or RotationFailed. */
export class PostgresProblem extends Error {
  constructor(
    message: string,
    /** Which part of the rotator config it is about (for a form's field). */
    readonly field: "rotator.admin" | "rotator.roles" = "rotator.admin",
  ) {
    super(message);
    this.name = "PostgresProblem";
  }
}

const BY_SQLSTATE: Record<string, string> = {
  "28P01": "PostgreSQL refused the admin secret's password",
  "28000": "PostgreSQL refused the admin secret's connection (no pg_hba.conf entry or role not allowed to log in)",
  "3D000": "the database named in the admin secret does not exist",
  "42501": "the admin role lacks the privilege to change the role's password",
  "42704": "a rotator role does not exist",
  "57014": "PostgreSQL cancelled the statement (statement timeout)",
  "55P03": "the role is locked by another session (lock timeout)",
  "53300": "PostgreSQL has no free connection slots",
  "57P03": "PostgreSQL is starting up or shutting down",
};

const BY_ERRNO: Record<string, string> = {
  ECONNREFUSED: "could not connect to the database server named in the admin secret (connection refused)",
  ENOTFOUND: "could not resolve the database host named in the admin secret",
  EAI_AGAIN: "could not resolve the database host named in the admin secret",
  ETIMEDOUT: "the database server named in the admin secret did not answer in time",
  EHOSTUNREACH: "the database server named in the admin secret is unreachable",
  ECONNRESET: "the database server closed the connection",
};

/** A safe message for any error thrown while talking to PostgreSQL. */
export function postgresProblem(error: unknown): PostgresProblem {
  if (error instanceof PostgresProblem) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && BY_SQLSTATE[code]) return new PostgresProblem(BY_SQLSTATE[code]);
  if (typeof code === "string" && BY_ERRNO[code]) return new PostgresProblem(BY_ERRNO[code]);
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return new PostgresProblem(`PostgreSQL answered with error ${code}`);
  const text = typeof message === "string" ? message : "";
  // pg's own wording for its client-side timeouts and a dropped connection.
  if (/timeout/i.test(text)) return new PostgresProblem("the database server named in the admin secret did not answer in time");
  if (/terminated|ended unexpectedly/i.test(text)) return new PostgresProblem("the database server closed the connection");
  if (/SSL|TLS|certificate/i.test(text)) return new PostgresProblem("the TLS connection to the database server failed");
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return new PostgresProblem(`could not connect to the database server (${code})`);
  return new PostgresProblem("talking to PostgreSQL failed");
}
