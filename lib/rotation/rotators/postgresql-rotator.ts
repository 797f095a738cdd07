// The PostgreSQL blue/green rotator (issue 18 §2), the pattern Vault's and
// AWS's alternating-users rotations use: two login roles take turns. Each
// rotation gives a new password to the role the current version does NOT
// name, and the new version names that role; the live role is never
// touched, so every client holding the current version keeps connecting
// until it picks up the new one. The old role's password only dies at the
// following rotation, when it becomes the target again.
// No `server-only`: the job worker (started from instrumentation.ts) runs it.
import pg from "pg";
import { BadRequest } from "../../errors";
import type { SecretEntries } from "../../secrets/secret-data";
import { PostgresProblem, postgresProblem } from "./postgres-problem";
import { quoteIdent, quoteLiteral } from "./postgres-quote";
import { RotationFailed, type PostgresRotatorConfig, type RotationInput, type Rotator } from "./rotator";
import { scramVerifier } from "./scram-verifier";

/** Short on purpose: a rotation runs in the job worker and must fail fast rather than hold it. */
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 5_000;

type RoleRow = {
  rolname: string;
  rolsuper: boolean;
  rolcanlogin: boolean;
  expired: boolean;
  is_admin: boolean;
};

type AdminRow = { admin: string; rolsuper: boolean; rolcreaterole: boolean; version: number };

export class PostgresqlRotator implements Rotator {
  async check({ config, adminEntries }: Omit<RotationInput, "current" | "newPassword">): Promise<void> {
    try {
      const url = adminUrl(adminEntries);
      await withAdmin(url, async (client) => {
        const roles = await checkedRoles(client, config.roles);
        // The catalog says who may be altered; a rolled-back ALTER ROLE says
        // it for certain (PostgreSQL 16's ADMIN OPTION rule, replication
        // roles on 15, anything else the catalog does not show).
        for (const role of roles) await probeAlter(client, role);
      });
    } catch (error) {
      const problem = postgresProblem(error);
      throw new BadRequest(problem.message, { field: problem.field });
    }
  }

  async rotate({ config, adminEntries, current, newPassword }: RotationInput): Promise<SecretEntries> {
    const role = targetRole(config, current);
    let verifier: string;
    try {
      verifier = scramVerifier(newPassword);
    } catch {
      throw new RotationFailed(`rotating role "${role}" failed: the generated password is not printable ASCII`);
    }
    try {
      const url = adminUrl(adminEntries);
      await withAdmin(url, async (client) => {
        // Checked again at each run: a role made superuser (or dropped) since
        // the policy was set must not get an app's password.
        await checkedRoles(client, [role]);
        await client.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD ${quoteLiteral(verifier)}`);
      });
      return newEntries(current, url, role, newPassword);
    } catch (error) {
      throw new RotationFailed(`rotating role "${role}" failed: ${postgresProblem(error).message}`);
    }
  }
}

/** The role the current version does not name; the first one when there is no current version (or it names neither). */
export function targetRole(config: PostgresRotatorConfig, current: SecretEntries | null): string {
  const live = current?.get("username")?.toString("utf8");
  return live === config.roles[0] ? config.roles[1] : config.roles[0];
}

/** The admin secret's connection URL: key `url`, or its only key. */
export function adminUrl(entries: SecretEntries): URL {
  const value = entries.get("url") ?? (entries.size === 1 ? [...entries.values()][0] : undefined);
  const problem = "the admin secret must hold a postgres:// or postgresql:// URL under the key `url` (or as its only key)";
  if (!value) throw new PostgresProblem(problem);
  let url: URL;
  try {
    url = new URL(value.toString("utf8").trim());
  } catch {
    throw new PostgresProblem(problem);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") throw new PostgresProblem(problem);
  if (!url.hostname && !url.searchParams.get("host")) throw new PostgresProblem("the admin secret's URL names no host");
  return url;
}

async function withAdmin<T>(url: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: url.href,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1_000,
    application_name: "coffer-rotator",
  });
  // A dropped connection is reported by the query that hits it; without a
  // listener the client's 'error' event would take the whole process down.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SET standard_conforming_strings = on");
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The roles, each existing, a login role, not a superuser, not the admin itself, and alterable by the admin as far as the catalog tells. */
async function checkedRoles(client: pg.Client, names: readonly string[]): Promise<string[]> {
  const admin = (
    await client.query<AdminRow>(
      `SELECT current_user AS admin, r.rolsuper, r.rolcreaterole, current_setting('server_version_num')::int AS version
         FROM pg_roles r WHERE r.rolname = current_user`,
    )
  ).rows[0];
  const rows = (
    await client.query<RoleRow>(
      `SELECT rolname, rolsuper, rolcanlogin, coalesce(rolvaliduntil < now(), false) AS expired, rolname = current_user AS is_admin
         FROM pg_roles WHERE rolname = ANY($1::text[])`,
      [names],
    )
  ).rows;
  for (const name of names) {
    const role = rows.find((row) => row.rolname === name);
    const problem = !role
      ? "does not exist"
      : role.is_admin
        ? "is the admin secret's own role: rotating it would lock Coffer out"
        : role.rolsuper
          ? "is a superuser: an application role must not be"
          : !role.rolcanlogin
            ? "cannot log in (NOLOGIN)"
            : role.expired
              ? "has a VALID UNTIL in the past: its passwords would be refused"
              : !admin?.rolsuper && !admin?.rolcreaterole
                ? `cannot be altered by the admin role "${admin?.admin}": it needs SUPERUSER or CREATEROLE`
                : null;
    if (problem) throw new PostgresProblem(`role "${name}" ${problem}`, "rotator.roles");
  }
  return [...names];
}

/** ALTER ROLE in a transaction that is always rolled back: proves the privilege, changes nothing. */
async function probeAlter(client: pg.Client, role: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD NULL`);
  } catch (error) {
    if ((error as { code?: string }).code === "42501") {
      throw new PostgresProblem(
        `the admin role may not change role "${role}"'s password: it needs SUPERUSER, or CREATEROLE (with ADMIN OPTION on the role from PostgreSQL 16)`,
        "rotator.roles",
      );
    }
    throw error;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
  }
}

/** The new version: the current one's other keys kept, username/password (and url) replaced. */
function newEntries(current: SecretEntries | null, admin: URL, role: string, password: string): SecretEntries {
  // Copies, not the caller's buffers: the runner zeroes the current version once the rotator returns.
  const entries: SecretEntries = new Map([...(current ?? [])].map(([key, value]) => [key, Buffer.from(value)]));
  const url = new URL(admin.href);
  // encodeURIComponent, not the setters alone: they leave '%' as it is, and
  // a symbols password may hold one.
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  for (const key of ["user", "password", "passfile"]) url.searchParams.delete(key);
  entries.set("username", Buffer.from(role, "utf8"));
  entries.set("password", Buffer.from(password, "utf8"));
  entries.set("url", Buffer.from(url.href, "utf8"));
  return entries;
}
