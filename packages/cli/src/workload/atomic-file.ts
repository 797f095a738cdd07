// Writing a secret file so that a reader sees the old content or the new,
// never half of either, and a crash leaves one of the two: the data goes to
// a temporary file in the same directory (rename is atomic only within one
// file system), is fsynced, gets its owner and mode, and is renamed over the
// target; then the directory is fsynced so the rename itself survives a
// power cut. The temporary file is created 0600, so nobody else can read it
// while it is being written, whatever the final mode.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parentsOf, TEMP_PREFIX } from "./delivery-plan";

export type FileOwner = { uid: number; gid: number };

export async function writeFileAtomic(path: string, data: Buffer | string, mode: number, owner?: FileOwner): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
  // "wx" is O_CREAT|O_EXCL: never an existing file, never through a symlink.
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
    // chown before chmod: changing the owner may clear mode bits.
    if (owner) await handle.chown(owner.uid, owner.gid);
    await handle.chmod(mode);
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Thrown when a path under the delivery directory is not what the agent may write through. */
export class UnsafePathError extends Error {}

export async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Makes the directories `rel` sits in, under `root`, each with `mode`, and
 * reports the ones it made. An existing one must be a real directory: a
 * symbolic link planted in the delivery directory would otherwise send a
 * root-owned write anywhere on the machine.
 */
export async function ensureParents(root: string, rel: string, mode: number, created: (dir: string) => void): Promise<void> {
  for (const dir of parentsOf(rel)) {
    const full = join(root, dir);
    const stat = await lstatOrNull(full);
    if (!stat) {
      await mkdir(full, { mode });
      // mkdir's mode passes through the umask; the stated mode is the one meant.
      const handle = await open(full, "r");
      await handle.chmod(mode).finally(() => handle.close());
      created(dir);
    } else if (stat.isSymbolicLink()) {
      throw new UnsafePathError(`${dir} is a symbolic link; not following it`);
    } else if (!stat.isDirectory()) {
      throw new UnsafePathError(`${dir} is not a directory`);
    }
  }
}

/** Throws unless every directory `rel` sits in under `root` is a real directory. */
export async function checkParents(root: string, rel: string): Promise<void> {
  for (const dir of parentsOf(rel)) {
    const stat = await lstatOrNull(join(root, dir));
    if (stat?.isSymbolicLink()) throw new UnsafePathError(`${dir} is a symbolic link; not following it`);
    if (stat && !stat.isDirectory()) throw new UnsafePathError(`${dir} is not a directory`);
  }
}
