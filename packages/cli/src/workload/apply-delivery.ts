// One delivery applied to the agent's directory: stale files removed (only
// ones the manifest says the agent wrote), directories it made and no
// longer needs removed once empty, and each file written atomically unless
// it is already exactly right. Directories are made 0755, as Docker's
// /run/secrets is traversable: each file's own owner and mode are what
// protect it, and a 0700 root-owned directory would lock out the very uid a
// binding names (uid=1000,mode=0400 must be readable by uid 1000).
import { mkdir, readdir, readFile, rmdir, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { checkParents, ensureParents, lstatOrNull, syncDirectory, UnsafePathError, writeFileAtomic } from "./atomic-file";
import { isUnder, parentsOf, planDelivery, TEMP_PREFIX, type PlannedFile } from "./delivery-plan";
import { manifestText, readManifest, writeManifest, type Manifest } from "./manifest";
import type { DeliveredSecret } from "../../../contracts/src/runtime/delivery";

const DIR_MODE = 0o755;

export type ApplyOptions = {
  /** Running as root: apply each binding's uid and gid. */
  chown: boolean;
  log: (line: string) => void;
};

export type ApplyResult = {
  /** Files written or removed. */
  changed: number;
  /** A write or removal failed (the disk, not the delivery): worth another try. */
  failed: boolean;
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const describe = (file: PlannedFile) => (file.path === file.secret ? `version ${file.version}` : `${file.secret} version ${file.version}`);

async function isSame(full: string, file: PlannedFile, chown: boolean): Promise<boolean> {
  const stat = await lstatOrNull(full);
  if (!stat?.isFile() || (stat.mode & 0o777) !== file.mode || stat.size !== file.data.length) return false;
  if (chown && (stat.uid !== file.uid || stat.gid !== file.gid)) return false;
  try {
    return (await readFile(full)).equals(file.data);
  } catch {
    return false;
  }
}

/** A crash between creating and renaming a temporary file leaves it behind; it holds a value. */
async function removeLeftoverTemps(dir: string, dirs: string[]): Promise<void> {
  for (const sub of [".", ...dirs]) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) await unlink(join(dir, sub, name)).catch(() => {});
  }
}

/** One application of a delivery: where, how, and what it has done so far. */
type Pass = ApplyOptions & { dir: string; manifest: Manifest; result: ApplyResult };

function drop(list: string[], path: string): void {
  const at = list.indexOf(path);
  if (at !== -1) list.splice(at, 1);
}

async function removeFiles(pass: Pass, paths: string[]): Promise<void> {
  for (const path of paths) {
    const full = join(pass.dir, path);
    try {
      await checkParents(pass.dir, path);
      const stat = await lstatOrNull(full);
      if (stat?.isFile() || stat?.isSymbolicLink()) {
        await unlink(full);
        await syncDirectory(dirname(full));
        pass.log(`removed ${path}`);
        pass.result.changed += 1;
      } else if (stat) {
        pass.log(`warning: ${path} is no longer a file the agent wrote; leaving it`);
      }
      drop(pass.manifest.files, path);
    } catch (error) {
      pass.log(`error: cannot remove ${path}: ${reason(error)}`);
      pass.result.failed = true;
    }
  }
}

/** Directories the agent made and no longer needs go once empty, deepest first. */
async function removeDirectories(pass: Pass, needed: Set<string>): Promise<void> {
  const deepestFirst = [...pass.manifest.dirs].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const sub of deepestFirst.filter((d) => !needed.has(d))) {
    try {
      await checkParents(pass.dir, sub);
      await rmdir(join(pass.dir, sub));
      drop(pass.manifest.dirs, sub);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not empty: the user put something there; it goes once they take it out.
      if (code === "ENOTEMPTY" || code === "EEXIST") continue;
      if (code === "ENOENT" || code === "ENOTDIR" || error instanceof UnsafePathError) drop(pass.manifest.dirs, sub);
      else pass.log(`warning: cannot remove directory ${sub}: ${reason(error)}`);
    }
  }
}

async function writeFiles(pass: Pass, files: PlannedFile[], listedBefore: string[]): Promise<void> {
  for (const file of files) {
    const full = join(pass.dir, file.path);
    try {
      await ensureParents(pass.dir, file.path, DIR_MODE, (made) => pass.manifest.dirs.push(made));
      if (await isSame(full, file, pass.chown)) continue;
      await writeFileAtomic(full, file.data, file.mode, pass.chown ? { uid: file.uid, gid: file.gid } : undefined);
      pass.log(`wrote ${file.path} (${describe(file)})`);
      if (!pass.chown && (file.uid !== process.getuid?.() || file.gid !== process.getgid?.())) {
        pass.log(`warning: not running as root: ${file.path} is owned by this user, not ${file.uid}:${file.gid}`);
      }
      pass.result.changed += 1;
    } catch (error) {
      pass.log(`error: cannot write ${file.path}: ${reason(error)}`);
      pass.result.failed = true;
      // Nothing was written there: a file we never had is not ours to remove later.
      if (!listedBefore.includes(file.path)) drop(pass.manifest.files, file.path);
    }
  }
}

export async function applyDelivery(dir: string, secrets: DeliveredSecret[], options: ApplyOptions): Promise<ApplyResult> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const before = await readManifest(dir, options.log);
  await removeLeftoverTemps(dir, before.dirs);
  const plan = planDelivery(secrets);
  for (const problem of plan.problems) options.log(`error: ${problem}`);

  const wanted = new Set(plan.files.map((f) => f.path));
  // A binding that could not be delivered keeps what it had.
  const skipped = (path: string) => plan.skippedTargets.some((target) => isUnder(path, target));
  const manifest: Manifest = { files: [...new Set([...before.files, ...wanted])], dirs: [...before.dirs] };
  const pass: Pass = { ...options, dir, manifest, result: { changed: 0, failed: false } };
  let saved = manifestText(before);
  const save = async () => {
    if (manifestText(manifest) === saved) return;
    await writeManifest(dir, manifest);
    saved = manifestText(manifest);
  };
  // Listed before writing: after a crash mid-way, every file the agent may
  // have written is still on the list, so a later unbind removes it.
  await save();

  // Removals first: a target turning from a file into a directory (or back)
  // needs the old one gone.
  await removeFiles(
    pass,
    before.files.filter((p) => !wanted.has(p) && !skipped(p)),
  );
  await removeDirectories(pass, new Set([...wanted, ...manifest.files.filter(skipped)].flatMap(parentsOf)));
  await writeFiles(pass, plan.files, before.files);
  await save();
  return pass.result;
}
