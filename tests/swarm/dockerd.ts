// A real Docker Swarm for tests: Debian's dockerd in a temporary directory
// (its own data root, exec root, socket and pid file), Swarm mode on the
// loopback address, and a busybox image imported from a rootfs tarball,
// since nothing can be pulled here. See STACK.md "A real Docker Swarm".
// Swarm's manager port 2377 allows one Swarm per machine: one at a time.
import { execFile, spawn } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, copyFile } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Debian's docker.io; /usr/local/bin/docker on these machines is another client.
export const DOCKERD = "/usr/sbin/dockerd";
export const DOCKER = "/usr/bin/docker";
export const BUSYBOX = "/bin/busybox";
export const IMAGE = "localbusy:1";
const SWARM_PORT = 2377;

export type DockerResult = { code: number; stdout: string; stderr: string };

export type Swarm = {
  dir: string;
  nodeId: string;
  /** Runs the docker client against this daemon. */
  docker(args: string[]): Promise<DockerResult>;
  /** The same, failing with docker's stderr when it exits non-zero; resolves to stdout. */
  dockerOk(args: string[]): Promise<string>;
  /** dockerd's own log so far. */
  log(): Promise<string>;
  stop(): Promise<void>;
};

/** What is missing to run a Swarm here (empty: all there). */
export function missingDockerTools(): string[] {
  const missing = [DOCKERD, DOCKER, BUSYBOX].filter((path) => !existsSync(path));
  if (process.getuid?.() !== 0) missing.push("root (dockerd runs as root)");
  return missing;
}

/** Polls `check` until it returns a value; not a timed assertion, a bound on waiting for dockerd. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function run(command: string, args: string[], env: Record<string, string>): Promise<DockerResult> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export async function startSwarm(): Promise<Swarm> {
  if (await portTaken(SWARM_PORT)) {
    throw new Error(`port ${SWARM_PORT} is taken: another Docker Swarm runs on this machine (stop it first)`);
  }
  // Short: dockerd and containerd put unix sockets under the exec root (108-byte limit).
  const dir = await mkdtemp(join(tmpdir(), "coffer-swarm-"));
  const socket = join(dir, "docker.sock");
  const pidFile = join(dir, "docker.pid");
  const env = { DOCKER_HOST: `unix://${socket}` };
  const docker = (args: string[]) => run(DOCKER, args, env);
  const dockerOk = async (args: string[]) => {
    const result = await docker(args);
    if (result.code !== 0) throw new Error(`docker ${args.join(" ")} failed (${result.code}): ${result.stderr.trim()}`);
    return result.stdout;
  };
  const log = () => readFile(join(dir, "dockerd.log"), "utf8").catch(() => "");
  const stop = () => stopSwarm(dir, pidFile, docker);
  try {
    const logFd = openSync(join(dir, "dockerd.log"), "a");
    const daemon = spawn(
      DOCKERD,
      [
        ...["--data-root", join(dir, "root"), "--exec-root", join(dir, "exec")],
        ...["-H", `unix://${socket}`, "--pidfile", pidFile],
        ...["--iptables=false", "--ip-masq=false", "--bridge=none", "--storage-driver=vfs"],
      ],
      // The Swarm agent tries a registry first unless told to prefer local images.
      { detached: true, stdio: ["ignore", logFd, logFd], env: { ...process.env, DOCKER_SERVICE_PREFER_OFFLINE_IMAGE: "1" } },
    );
    daemon.unref();
    closeSync(logFd);
    await waitFor(async () => existsSync(pidFile) && (await docker(["version"])).code === 0, "dockerd to answer");
    await dockerOk(["swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", `127.0.0.1:${SWARM_PORT}`]);
    await importBusybox(dir, dockerOk);
    const nodeId = (await dockerOk(["info", "--format", "{{.Swarm.NodeID}}"])).trim();
    return { dir, nodeId, docker, dockerOk, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function importBusybox(dir: string, dockerOk: (args: string[]) => Promise<string>): Promise<void> {
  const rootfs = join(dir, "rootfs");
  await mkdir(join(rootfs, "bin"), { recursive: true });
  await copyFile(BUSYBOX, join(rootfs, "bin", "busybox"));
  for (const tool of ["sh", "cat", "ls", "sleep", "env", "echo"]) await symlink("busybox", join(rootfs, "bin", tool));
  const tarball = join(dir, "rootfs.tar");
  const tar = await run("tar", ["-C", rootfs, "-cf", tarball, "."], {});
  if (tar.code !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  await dockerOk(["import", tarball, IMAGE]);
}

/**
 * Removes every service (so no container outlives the daemon), leaves the
 * Swarm, stops dockerd by its pid file, then whatever it left: processes
 * still running from the directory (containerd shims), mounts under it,
 * the directory itself. Each step runs even when an earlier one failed.
 */
async function stopSwarm(dir: string, pidFile: string, docker: (args: string[]) => Promise<DockerResult>): Promise<void> {
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).trim());
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (pid && alive(pid)) {
    const services = (await docker(["service", "ls", "-q"])).stdout.split("\n").filter(Boolean);
    if (services.length) await docker(["service", "rm", ...services]);
    await waitFor(async () => (await docker(["ps", "-aq"])).stdout.trim() === "", "the containers to go", 60_000).catch(() => {});
    await docker(["swarm", "leave", "--force"]);
    process.kill(pid, "SIGTERM");
    await waitFor(async () => !alive(pid), "dockerd to exit", 60_000).catch(() => process.kill(pid, "SIGKILL"));
  }
  for (const leftover of await processesUnder(dir)) {
    try {
      process.kill(leftover, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await unmountUnder(dir);
  await rm(dir, { recursive: true, force: true });
}

/** Pids whose command line names `dir` (the daemon's containerd and shims). */
async function processesUnder(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(dir)) pids.push(Number(entry));
  }
  return pids;
}

async function unmountUnder(dir: string): Promise<void> {
  const mounts = (await readFile("/proc/mounts", "utf8"))
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .filter((path) => path.startsWith(`${dir}/`))
    // Deepest first: a mount inside another must go before it.
    .sort((a, b) => b.length - a.length);
  for (const path of mounts) await run("umount", ["-l", path], {});
}
