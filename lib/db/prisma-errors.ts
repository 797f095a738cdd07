// Prisma's and PostgreSQL's errors, in the product's own words: a race that
// trips a unique index answers 409 like the check that lost it would have;
// a value the database refuses answers 400 (a backstop: input parsing
// should have refused it first, naming the field); an outage answers 503.
import { BadRequest, Conflict, DatabaseUnavailable, DomainError, NotFound } from "../errors";
import { log } from "../log/logger";
import { SECOND_MS } from "../time";

type Fault = { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown; errors?: unknown };

// PostgreSQL's own codes (SQLSTATE) for a value it cannot take: class 22
// is "data exception"; 54000 is a value too large for an index.
function refusedValue(sqlState: string): string | null {
  if (sqlState === "22021" || sqlState === "22P05")
    return "the request holds text the database cannot store (a NUL character or invalid Unicode)";
  if (sqlState === "22003") return "a number in the request is out of range";
  if (sqlState === "22007" || sqlState === "22008" || sqlState === "22009") return "a date in the request is out of range";
  if (sqlState === "22001" || sqlState === "54000") return "a value in the request is too long";
  if (sqlState.startsWith("22")) return "a value in the request is not valid";
  return null;
}

// Prisma's codes for the same, found before or after the query ran.
const PRISMA_REFUSED: Record<string, string> = {
  P2000: "a value in the request is too long",
  P2006: "a value in the request is not valid",
  P2007: "a value in the request is not valid",
  P2019: "a value in the request is not valid",
  P2020: "a number in the request is out of range",
  P2033: "a number in the request is out of range",
};

// The database is down, out of reach, refusing connections or out of them.
const OUTAGE_PRISMA = new Set(["P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024"]);
const OUTAGE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
const OUTAGE_SOCKET = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  "ECONNABORTED",
]);
const isOutageState = (s: string) =>
  s.startsWith("08") || s.startsWith("53") || s.startsWith("28") || ["57P01", "57P02", "57P03", "3D000"].includes(s);
// node-postgres and its pool say these in words only, without a code.
const OUTAGE_WORDS =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|connection error|server closed the connection|unable to start a transaction in the given time|database system is (?:starting up|shutting down)|not currently accepting connections/i;

/** The error and what it wraps: Prisma's meta.driverAdapterError, `cause`, an AggregateError's `errors`. */
function faults(error: unknown): Fault[] {
  const found: Fault[] = [];
  const queue: unknown[] = [error];
  while (queue.length && found.length < 8) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null) continue;
    const fault = next as Fault;
    found.push(fault);
    const adapter = (fault.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    queue.push(adapter, fault.cause, ...(Array.isArray(fault.errors) ? fault.errors : []));
  }
  return found;
}

const sqlStateOf = (fault: Fault & { originalCode?: unknown }) =>
  [fault.originalCode, fault.code].find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c) && !c.startsWith("P"));

function isOutage(all: Fault[]): boolean {
  return all.some((fault) => {
    const code = typeof fault.code === "string" ? fault.code : "";
    const state = sqlStateOf(fault);
    return (
      OUTAGE_PRISMA.has(code) ||
      OUTAGE_SOCKET.has(code) ||
      (typeof fault.kind === "string" && OUTAGE_KINDS.has(fault.kind)) ||
      (state !== undefined && isOutageState(state)) ||
      (typeof fault.message === "string" && OUTAGE_WORDS.test(fault.message))
    );
  });
}

export function translatePrismaError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as Fault | null)?.code;
  // A unique-name race the domain's own check lost: the name is the field it is about.
  if (code === "P2002") return new Conflict("a resource with that name already exists", { field: "name" });
  if (code === "P2025") return new NotFound("the resource no longer exists");
  const all = faults(error);
  if (isOutage(all)) {
    noteDatabaseOutage(all);
    return new DatabaseUnavailable();
  }
  for (const fault of all) {
    const state = sqlStateOf(fault);
    const refused = (state && refusedValue(state)) ?? (typeof fault.code === "string" ? PRISMA_REFUSED[fault.code] : undefined);
    if (refused) {
      // A path that reached the database with a value its input parsing should have refused.
      log.warn({ code: state ?? fault.code }, "database refused a value from a request (answered 400)");
      return new BadRequest(refused);
    }
  }
  return error;
}

// For the log only (requests are never refused on it): one line when an
// outage is first seen, one when the database answers again.
const outage = { since: 0, refused: 0 };

function noteDatabaseOutage(all: Fault[]): void {
  outage.refused++;
  if (outage.since) return;
  outage.since = Date.now();
  const reason = all.map((f) => sqlStateOf(f) ?? f.kind ?? f.code).find((r) => typeof r === "string") ?? "unknown";
  log.error(
    { reason, message: typeof all[0]?.message === "string" ? all[0].message.trim().split("\n").at(-1) : undefined },
    "database unavailable: answering 503 until it is back",
  );
}

/** Called when the database answered a query: closes an outage in the log. */
export function noteDatabaseAnswered(): void {
  if (!outage.since) return;
  log.info({ seconds: Math.round((Date.now() - outage.since) / SECOND_MS), refused: outage.refused }, "database available again");
  outage.since = 0;
  outage.refused = 0;
}

/** Whether an outage is open in the log (for tests and the health view). */
export function databaseOutageSince(): Date | null {
  return outage.since ? new Date(outage.since) : null;
}
