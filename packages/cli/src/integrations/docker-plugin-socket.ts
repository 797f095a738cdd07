// Where the plugin listens: dockerd finds legacy plugins as sockets in
// /run/docker/plugins. Whoever can connect to the socket can ask for any
// secret the integration may deliver, so it is the owner's only (0600;
// dockerd runs as root).
import { once } from "node:events";
import { chmod, lstat, mkdir, unlink } from "node:fs/promises";
import { createConnection, type Server } from "node:net";
import { dirname } from "node:path";
import { CliError } from "../errors";

export const DEFAULT_PLUGIN_SOCKET = "/run/docker/plugins/coffer.sock";

/**
 * A socket file left by a crashed plugin blocks listen(). Remove it only
 * when nothing answers on it: a live plugin, or anything that is not a
 * socket, is not ours to delete.
 */
export async function removeStaleSocket(socketPath: string): Promise<void> {
  const stat = await lstat(socketPath).catch(() => undefined);
  if (!stat) return;
  if (!stat.isSocket()) throw new CliError(`${socketPath} exists and is not a socket; remove it or choose another --socket`);
  const probe = createConnection({ path: socketPath });
  probe.on("error", () => {});
  const live = await once(probe, "connect").then(
    () => true,
    () => false,
  );
  probe.destroy();
  if (live) throw new CliError(`another plugin is answering on ${socketPath}; stop it first or choose another --socket`);
  await unlink(socketPath);
}

/** Makes the directory (0755, as dockerd expects it) and listens on a fresh 0600 socket. */
export async function listenOnSocket(server: Server, socketPath: string): Promise<void> {
  await mkdir(dirname(socketPath), { recursive: true, mode: 0o755 });
  await removeStaleSocket(socketPath);
  // The socket is bound inside listen(): a umask of 0177 makes it 0600 from
  // the start, leaving no moment in which others may connect. Worker
  // threads cannot set the umask; the chmod below still applies there.
  const umask = trySetUmask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    throw new CliError(`cannot listen on ${socketPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    if (umask !== undefined) process.umask(umask);
  }
  await chmod(socketPath, 0o600);
}

function trySetUmask(mask: number): number | undefined {
  try {
    return process.umask(mask);
  } catch {
    return undefined;
  }
}
