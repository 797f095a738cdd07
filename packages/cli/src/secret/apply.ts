// `coffer secret apply -f FILE|-`: kubectl apply for Secrets. The file's
// text goes to the server as it is (JSON or YAML): the server parses and
// checks it, so the CLI carries no YAML parser, and a manifest means the
// same whether it arrives from here, curl or the console.
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathSegment } from "../api-client";
import { type CommandSpec, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import { CliError, UsageError } from "../errors";
import { connect } from "../session";
import { readStdin } from "./secret-data";

/** The answer of POST /namespaces/{ns}/manifests (lib/secrets/kubernetes/manifest-dto.schema.ts). */
type ManifestApplied = {
  items: { name: string; action: "created" | "rotated" | "labels-updated" | "unchanged"; version: number }[];
  warnings: string[];
};

const spec: CommandSpec = {
  path: "secret apply",
  usage: "[OPTIONS] -f FILE|-",
  summary: "Create or update secrets from a Kubernetes Secret manifest",
  args: { min: 0, max: 0 },
  options: [
    { name: "filename", short: "f", type: "string", value: "string", help: "The manifest: a JSON or YAML file, or - for stdin" },
    namespaceOption,
  ],
  details: `Like kubectl apply: each Secret (a List or a YAML stream may hold several) is
created, or rotated to a new version when its data differs, or relabelled when
its labels differ; all of them or none. Examples:
  kubectl create secret generic db-pw --from-literal=password=s3cr3t --dry-run=client -o yaml | coffer secret apply -f -
  coffer secret apply -f secrets.yaml -n prod`,
};

/** JSON by extension, else by its first character; everything else is YAML (which includes JSON anyway). */
export function manifestContentType(path: string, content: string): string {
  const extension = extname(path).toLowerCase();
  if (extension === ".json") return "application/json";
  if (extension === ".yaml" || extension === ".yml") return "application/yaml";
  return /^\s*[{[]/.test(content) ? "application/json" : "application/yaml";
}

function describe({ name, action, version }: ManifestApplied["items"][number]): string {
  const done = action === "rotated" ? `rotated (v${version})` : action === "labels-updated" ? "labels updated" : action;
  return `secret/${name} ${done}`;
}

async function readManifest(ctx: Parameters<Command["run"]>[0], source: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = source === "-" ? await readStdin(ctx.stdin) : await readFile(resolve(ctx.cwd, source));
  } catch (error) {
    throw new CliError(`error reading "${source}": ${(error as Error).message}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`"${source}" is not UTF-8 text, so it is not a manifest`);
  } finally {
    bytes.fill(0);
  }
}

export const applyCommand: Command = {
  spec,
  async run(ctx, { values }) {
    const source = text(values, "filename");
    if (!source) throw new UsageError(`"coffer ${spec.path}" requires -f FILE or -f - (stdin)`, spec.path);
    const manifest = await readManifest(ctx, source);
    const client = await connect(ctx);
    const path = `/api/v1/namespaces/${pathSegment(resolveNamespace(values, ctx.env))}/manifests`;
    const applied = await client.request<ManifestApplied>("POST", path, {
      text: { body: manifest, contentType: manifestContentType(source, manifest) },
    });
    for (const warning of applied.warnings) ctx.stderr.write(`Warning: ${warning}\n`);
    for (const item of applied.items) ctx.stdout.write(`${describe(item)}\n`);
    return 0;
  },
};
