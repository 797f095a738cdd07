// `coffer agent`: keeps a directory (/run/secrets) holding exactly the
// secrets bound to one service, as Docker does inside a task's container,
// for a VM, a bare-metal host or a sidecar. The service token comes from a
// file; the files get each binding's owner and mode.
import { resolve } from "node:path";
import { type CommandSpec, text } from "../args";
import type { Command } from "../command";
import { normalizeServer } from "../config-store";
import { UsageError } from "../errors";
import { runAgent } from "./agent-loop";
import { printManifest } from "./agent-manifest";
import { readTokenFile } from "./token-file";

const spec: CommandSpec = {
  path: "agent",
  usage: "[OPTIONS]",
  summary: "Write a service's secrets into a directory and keep them current",
  args: { min: 0, max: 0 },
  options: [
    { name: "server", type: "string", help: "Server URL (default: $COFFER_SERVER)" },
    { name: "token-file", type: "string", value: "file", help: "File holding the service token (cfs_…), mode 0600" },
    { name: "dir", type: "string", value: "dir", help: "Directory to write the secrets into, e.g. /run/secrets" },
    { name: "watch", type: "boolean", help: "Keep running: poll for changes and apply them" },
    { name: "interval", type: "string", value: "seconds", help: "Seconds between polls with --watch (default 30)" },
    { name: "once", type: "boolean", help: "Deliver once and exit (the default without --watch)" },
    { name: "insecure-token-file", type: "boolean", help: "Accept a token file that group or others can access" },
    {
      name: "format",
      type: "string",
      value: "k8s",
      help: "Print the secrets as Kubernetes Secret manifests on stdout instead of writing files",
    },
    { name: "namespace", type: "string", value: "ns", help: "With --format k8s: the manifests' Kubernetes namespace" },
  ],
  details: `Each bound secret becomes DIR/TARGET (a multi-key secret: DIR/TARGET/KEY), written
atomically with the binding's mode, and its uid/gid when running as root. Files of bindings
that go away are removed, and only those: the agent lists what it wrote in
DIR/.coffer-agent.json. Changes are logged on stderr; values never are.
With --watch, an unreachable server keeps the current files and is tried again at the next
interval; a revoked token stops the agent (exit 1); SIGINT or SIGTERM stops it (exit 0).
With --format k8s, the agent fetches once and prints the service's bound secrets as
Kubernetes Secret manifests (YAML, one Secret per binding) on stdout, writing no file.
Examples:
  coffer agent --server https://coffer.example.com --token-file /etc/coffer/db.token --dir /run/secrets --watch
  coffer agent --token-file db.token --format k8s --namespace prod | kubectl apply -f -`,
};

function intervalMs(values: Parameters<Command["run"]>[1]["values"]): number {
  const given = text(values, "interval");
  if (given === undefined) return 30_000;
  if (!values.watch) throw new UsageError("--interval needs --watch", spec.path);
  const seconds = Number(given);
  if (!/^\d+(\.\d+)?$/.test(given) || !(seconds > 0)) {
    throw new UsageError(`invalid argument "${given}" for "--interval": expected a number of seconds`, spec.path);
  }
  return seconds * 1000;
}

/** `--format k8s`: null without it; its conflicts are usage errors, checked before anything is read. */
function manifestFormat(values: Parameters<Command["run"]>[1]["values"]): { namespace?: string } | null {
  const format = text(values, "format");
  const namespace = text(values, "namespace");
  if (format === undefined) {
    if (namespace !== undefined) throw new UsageError("--namespace needs --format k8s", spec.path);
    return null;
  }
  if (format !== "k8s") throw new UsageError(`invalid argument "${format}" for "--format": expected k8s`, spec.path);
  const printsInstead = "--format k8s prints the manifests to stdout";
  if (values.watch) throw new UsageError(`--format and --watch cannot be used together: ${printsInstead} once`, spec.path);
  if (text(values, "dir") !== undefined) {
    throw new UsageError(`--format and --dir cannot be used together: ${printsInstead} and writes no file`, spec.path);
  }
  return { namespace };
}

export const agentCommand: Command = {
  spec,
  async run(ctx, { values }) {
    if (values.watch && values.once) throw new UsageError("--watch and --once cannot be used together", spec.path);
    const manifest = manifestFormat(values);
    const server = text(values, "server") ?? ctx.env.COFFER_SERVER;
    const tokenFile = text(values, "token-file");
    const dir = text(values, "dir");
    if (!server) throw new UsageError("--server URL is required (or set COFFER_SERVER)", spec.path);
    if (!tokenFile) throw new UsageError("--token-file is required", spec.path);
    if (manifest) {
      const token = await readTokenFile(tokenFile, { cwd: ctx.cwd, insecure: values["insecure-token-file"] === true });
      return printManifest({ server: normalizeServer(server), token, namespace: manifest.namespace }, ctx);
    }
    if (!dir) throw new UsageError("--dir is required", spec.path);
    const interval = intervalMs(values);
    const target = resolve(ctx.cwd, dir);
    const url = normalizeServer(server);
    const token = await readTokenFile(tokenFile, { cwd: ctx.cwd, insecure: values["insecure-token-file"] === true });

    const log = (line: string) => ctx.stderr.write(`${line}\n`);
    const controller = new AbortController();
    const stop = (signal: NodeJS.Signals) => {
      log(`${signal} received, stopping`);
      controller.abort();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    try {
      if (values.watch) log(`delivering into ${target}, checking ${url} every ${interval / 1000}s`);
      return await runAgent({
        server: url,
        token,
        dir: target,
        watch: values.watch === true,
        intervalMs: interval,
        chown: process.getuid?.() === 0,
        log,
        stop: controller.signal,
      });
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
  },
};
