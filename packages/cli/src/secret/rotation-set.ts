// `coffer secret rotation set NS/NAME --every 30d [--length 32] [--alphabet base64]
//  [--key K] [--rotator postgresql --admin SECRET --roles app_blue,app_green]`
import { type CommandSpec, namespaceOption, text } from "../args";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { connect } from "../session";
import { describePolicy } from "./rotation-show";
import { rotationPath, type RotationPolicy } from "./rotation-types";

const spec: CommandSpec = {
  path: "secret rotation set",
  usage: "[OPTIONS] [NS/]SECRET --every INTERVAL",
  summary: "Rotate a secret automatically",
  args: { min: 1, max: 1 },
  options: [
    { name: "every", type: "string", value: "string", help: 'Interval: a whole number and s, m, h or d, at least 1m (e.g. "30d")' },
    { name: "length", type: "string", value: "int", help: "Generated length (default 32)" },
    { name: "alphabet", type: "string", value: "string", help: "base64, alphanumeric, hex or symbols (default base64)" },
    { name: "key", type: "string", value: "string", help: "Key the generated value replaces (needed when the secret has several)" },
    { name: "rotator", type: "string", value: "string", help: 'Also change the credential in the real system: "postgresql"' },
    { name: "admin", type: "string", value: "string", help: "Rotator: secret in the same namespace holding the admin URL" },
    { name: "roles", type: "string", value: "list", help: "Rotator: the two roles that take turns, comma-separated" },
    namespaceOption,
  ],
  details:
    "Examples:\n  coffer secret rotation set prod/api-key --every 30d --length 48 --alphabet alphanumeric\n" +
    "  coffer secret rotation set prod/db --every 7d --rotator postgresql --admin db-admin --roles app_blue,app_green\n",
};

export function rotationBody(values: Record<string, string | boolean | string[] | undefined>): Record<string, unknown> {
  const every = text(values, "every");
  if (!every) throw new UsageError('required flag(s) "every" not set', spec.path);
  const length = text(values, "length") ?? "32";
  if (!/^[0-9]+$/.test(length)) throw new UsageError(`invalid argument "${length}" for "--length": expected a whole number`, spec.path);
  const key = text(values, "key");
  const generator = { length: Number(length), alphabet: text(values, "alphabet") ?? "base64", ...(key ? { key } : {}) };
  const kind = text(values, "rotator");
  const [admin, roles] = [text(values, "admin"), text(values, "roles")];
  if (!kind) {
    if (admin || roles) throw new UsageError('"--admin" and "--roles" need "--rotator"', spec.path);
    return { every, generator };
  }
  if (!admin || !roles) throw new UsageError('"--rotator" needs "--admin" and "--roles"', spec.path);
  return { every, generator, rotator: { kind, admin, roles: roles.split(",").map((r) => r.trim()) } };
}

export const rotationSetCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const body = rotationBody(values);
    const client = await connect(ctx);
    const policy = await client.request<RotationPolicy>("PUT", rotationPath(positionals[0]!, values, ctx.env), { body });
    ctx.stdout.write(describePolicy(policy));
    return 0;
  },
};
