// `coffer secret reveal NS/NAME`: a person reads a value back (GET …/value,
// audited; secret:reveal, owners only by default). It is the action a
// namespace's approval policy most often gates: with --reason (and --wait)
// the global approval handling requests the approval and repeats the call.
import { type CommandSpec, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import type { Output } from "../context";
import { CliError, UsageError } from "../errors";
import { connect } from "../session";
import { secretPath } from "./types";

const spec: CommandSpec = {
  path: "secret reveal",
  usage: "[OPTIONS] [NAMESPACE/]SECRET",
  summary: "Print a secret's value",
  args: { min: 1, max: 1 },
  options: [
    { name: "version", type: "string", value: "int", help: "Version to reveal (default: the current one)" },
    { name: "key", type: "string", value: "string", help: "Print only this key's value" },
    namespaceOption,
  ],
  details: `A secret with one key (docker's "value") prints that value as it is stored, byte for byte, with no
newline added; one with several keys prints a JSON object of them, unless --key picks one.
Revealing needs secret:reveal. When the namespace's approval policy covers it, add --reason to
request a second person's approval and --wait to wait for it (see 'coffer --help'). Examples:
  coffer secret reveal prod/db_password > db_password.txt
  coffer secret reveal prod/web_tls --key tls.crt
  coffer secret reveal prod/db_password --reason "restore staging, OPS-12" --wait`,
};

type Revealed = { name: string; namespace: string; version: number; data: Record<string, string> };

/** `prod/db` → prod, db; a bare name is in --namespace (or $COFFER_NAMESPACE, or default). */
export function revealTarget(arg: string, fallbackNamespace: string, namespaceGiven: boolean): { namespace: string; name: string } {
  const at = arg.indexOf("/");
  if (at === -1) return { namespace: fallbackNamespace, name: arg };
  if (namespaceGiven)
    throw new UsageError(`"${arg}" names its namespace already: drop --namespace, or the "${arg.slice(0, at)}/"`, spec.path);
  const namespace = arg.slice(0, at);
  const name = arg.slice(at + 1);
  if (!namespace || !name) throw new UsageError(`invalid argument "${arg}": expected NAMESPACE/SECRET or SECRET`, spec.path);
  return { namespace, name };
}

export function versionQuery(version: string | undefined): [string, string][] {
  if (version === undefined) return [];
  if (!/^[1-9][0-9]*$/.test(version)) {
    throw new UsageError(`invalid argument "${version}" for "--version": expected a version number (1, 2, …)`, spec.path);
  }
  return [["version", version]];
}

/** What is printed: one value's bytes, or several keys as JSON text. */
export function revealOutput(revealed: Revealed, key: string | undefined): Buffer | string {
  const keys = Object.keys(revealed.data).sort();
  if (key !== undefined) {
    const value = revealed.data[key];
    if (value === undefined) throw new CliError(`secret ${revealed.name} has no key "${key}" (its keys: ${keys.join(", ") || "none"})`);
    return Buffer.from(value, "base64");
  }
  if (keys.length === 1) return Buffer.from(revealed.data[keys[0]!]!, "base64");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const texts: Record<string, string> = {};
  for (const name of keys) {
    try {
      texts[name] = decoder.decode(Buffer.from(revealed.data[name]!, "base64"));
    } catch {
      throw new CliError(`the value of key "${name}" is not text: print it alone with --key ${name}`);
    }
  }
  return `${JSON.stringify(texts, null, 2)}\n`;
}

/** Bytes as they are (a binary key written to a file must stay byte for byte); Output is typed for text. */
function write(out: Output, chunk: Buffer | string): void {
  (out.write as (chunk: Buffer | string) => unknown)(chunk);
}

export const revealCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const { namespace, name } = revealTarget(positionals[0]!, resolveNamespace(values, ctx.env), text(values, "namespace") !== undefined);
    const query = versionQuery(text(values, "version"));
    const key = text(values, "key");
    const client = await connect(ctx);
    const revealed = await client.request<Revealed>("GET", secretPath(namespace, name, "value"), { query });
    write(ctx.stdout, revealOutput(revealed, key));
    return 0;
  },
};
