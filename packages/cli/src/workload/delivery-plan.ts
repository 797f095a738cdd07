// Turns the runtime API's answer into the files to write, checking every
// path before anything touches the disk. The agent often runs as root and
// writes where it is told: a path from the server is trusted only once it is
// plainly relative (no `..`, no absolute path, no empty or `.` segment),
// matches its binding's target, and does not collide with another binding's.
import type { DeliveredSecret } from "../../../contracts/src/runtime/delivery";

/** The agent's own files in the delivery directory, never a secret's path. */
export const MANIFEST_NAME = ".coffer-agent.json";
export const TEMP_PREFIX = ".coffer-tmp-";

export type PlannedFile = {
  /** Relative to the delivery directory, `/`-separated. */
  path: string;
  data: Buffer;
  mode: number;
  uid: number;
  gid: number;
  secret: string;
  version: number;
};

export type DeliveryPlan = {
  files: PlannedFile[];
  /** One line per binding that cannot be delivered (never a value). */
  problems: string[];
  /** Targets of those bindings: what the agent wrote for them before is left in place. */
  skippedTargets: string[];
};

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Why `path` is not a safe relative path for a delivered file, or null. */
export function pathProblem(path: string): string | null {
  if (!path || path.length > 1024) return "not a relative path";
  const parts = path.split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".." || !SEGMENT.test(part))) {
    return "not a plain relative path (letters, digits, '.', '_', '-' and '/' only, no '..')";
  }
  if (parts[0] === MANIFEST_NAME || parts.some((part) => part.startsWith(TEMP_PREFIX))) return "a name the agent keeps for itself";
  return null;
}

function parseMode(mode: string): number | null {
  if (typeof mode !== "string" || !/^0?[0-7]{1,3}$/.test(mode)) return null;
  return parseInt(mode, 8);
}

const isId = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 32;

function planSecret(secret: DeliveredSecret): PlannedFile[] | string {
  const targetProblem = pathProblem(secret.target);
  if (targetProblem) return `target is ${targetProblem}`;
  const mode = parseMode(secret.mode);
  if (mode === null) return `mode "${secret.mode}" is not an octal file mode`;
  if (!isId(secret.uid) || !isId(secret.gid)) return "uid or gid is not a valid id";
  if (!secret.files?.length) return `version ${secret.version} has no data for this binding (was its key removed?)`;
  const files: PlannedFile[] = [];
  for (const file of secret.files) {
    const inside =
      secret.kind === "dir"
        ? file.path.startsWith(`${secret.target}/`) && !file.path.slice(secret.target.length + 1).includes("/")
        : file.path === secret.target;
    const problem = pathProblem(file.path) ?? (inside ? null : `outside its target ${secret.target}`);
    if (problem) return `file path ${JSON.stringify(file.path)} is ${problem}`;
    files.push({
      path: file.path,
      data: Buffer.from(file.data, "base64"),
      mode,
      uid: secret.uid,
      gid: secret.gid,
      secret: secret.secret,
      version: secret.version,
    });
  }
  return files;
}

/** `a` and `a/b` cannot both exist: one would be a file and a directory at once. */
function clashes(path: string, taken: Set<string>): string | undefined {
  for (const other of taken) {
    if (other === path || other.startsWith(`${path}/`) || path.startsWith(`${other}/`)) return other;
  }
  return undefined;
}

export function planDelivery(secrets: DeliveredSecret[]): DeliveryPlan {
  const plan: DeliveryPlan = { files: [], problems: [], skippedTargets: [] };
  const taken = new Set<string>();
  for (const secret of secrets) {
    const planned = planSecret(secret);
    const clash = typeof planned === "string" ? undefined : planned.map((f) => clashes(f.path, taken)).find(Boolean);
    if (typeof planned === "string" || clash) {
      const why = typeof planned === "string" ? planned : `its path clashes with ${clash}, delivered for another binding`;
      plan.problems.push(`secret ${secret.secret} (target ${secret.target}) not delivered: ${why}`);
      plan.skippedTargets.push(secret.target);
      continue;
    }
    for (const file of planned) taken.add(file.path);
    plan.files.push(...planned);
  }
  return plan;
}

/** The directories a path sits in, shallowest first: `a/b/c` → `a`, `a/b`. */
export function parentsOf(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** Whether `path` is `target` or inside it. */
export function isUnder(path: string, target: string): boolean {
  return path === target || path.startsWith(`${target}/`);
}
