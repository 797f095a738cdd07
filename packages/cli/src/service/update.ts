// `coffer service update`: docker's --secret-add/--secret-rm (and
// --label-add/--label-rm). Every flag is checked before the first request;
// then, as docker does, removals go first, so `--secret-rm db_pw
// --secret-add source=db_pw,target=new` moves a secret. The server has no
// batch call: if a step fails, the ones before it stay done and are named.
import { type CommandSpec, list, namespaceOption, resolveNamespace, splitKeyValue, text } from "../args";
import type { ApiClient } from "../api-client";
import type { Command } from "../command";
import { ApiError, apiErrorLine, CliError, UsageError } from "../errors";
import { connect } from "../session";
import { parseSecretSpec } from "./secret-spec";
import { servicePath, type ServiceDetail } from "./types";

const spec: CommandSpec = {
  path: "service update",
  usage: "[OPTIONS] SERVICE",
  summary: "Update a service",
  args: { min: 1, max: 1 },
  options: [
    { name: "secret-add", type: "string", multiple: true, value: "secret", help: "Add a secret to a service (fields below)" },
    { name: "secret-rm", type: "string", multiple: true, help: "Remove a secret (by target or secret name)" },
    { name: "label-add", type: "string", multiple: true, help: "Add or update a service label (KEY=VALUE)" },
    { name: "label-rm", type: "string", multiple: true, help: "Remove a label by its key" },
    { name: "description", type: "string", help: "Replace the description" },
    namespaceOption,
  ],
  details: `--secret-add takes docker's fields, comma-separated:
  source=SECRET (or src=)   the secret to bind (required; a bare SECRET is short for source=SECRET)
  target=PATH               file name under the agent's directory (default: the secret's name)
  uid=N, gid=N              owner of the file (default 0)
  mode=0NNN                 file mode in octal (default 0444)
  env=NAME                  coffer run sets NAME_FILE to the file's path
  key=KEY                   only this key of a multi-key secret (default: one file per key in a directory)
  version=N                 pin a version instead of following the current one
Examples:
  coffer service update --secret-add source=db_pw,target=db_password,uid=999,gid=999,mode=0400,env=DB_PASSWORD db
  coffer service update --secret-rm db_password --secret-add source=db_pw,target=db_pw_v2 db`,
};

type Step = { flag: string; run(client: ApiClient): Promise<unknown> };

function labelSteps(values: Parameters<Command["run"]>[1]["values"], path: string): Step[] {
  const add = list(values, "label-add").map((label) => splitKeyValue(label, "label-add", spec.path, true));
  const remove = list(values, "label-rm");
  const description = text(values, "description");
  if (!add.length && !remove.length && description === undefined) return [];
  const flags = [
    ...(add.length ? ["--label-add"] : []),
    ...(remove.length ? ["--label-rm"] : []),
    ...(description !== undefined ? ["--description"] : []),
  ];
  return [
    {
      flag: flags.join(" "),
      async run(client) {
        const body: Record<string, unknown> = {};
        if (description !== undefined) body.description = description;
        if (add.length || remove.length) {
          // PATCH replaces the labels: start from the current ones.
          const current = await client.request<ServiceDetail>("GET", path);
          const labels = { ...current.labels };
          for (const key of remove) delete labels[key];
          for (const { key, value } of add) labels[key] = value;
          body.labels = labels;
        }
        return client.request("PATCH", path, { body });
      },
    },
  ];
}

export const updateCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const name = positionals[0]!;
    const namespace = resolveNamespace(values, ctx.env);
    const path = servicePath(namespace, name);
    const adds = list(values, "secret-add").map((input) => ({ input, request: parseSecretSpec(input, spec.path) }));
    const removals = list(values, "secret-rm");
    if (removals.some((item) => !item))
      throw new UsageError('invalid argument "" for "--secret-rm": a target or secret name is required', spec.path);
    const steps: Step[] = [
      ...labelSteps(values, path),
      ...removals.map((item) => {
        const target = servicePath(namespace, name, "bindings", item);
        return { flag: `--secret-rm ${item}`, run: (c: ApiClient) => c.request("DELETE", target) };
      }),
      ...adds.map(({ input, request }) => ({
        flag: `--secret-add ${input}`,
        run: (c: ApiClient) => c.request("POST", servicePath(namespace, name, "bindings"), { body: request }),
      })),
    ];
    if (!steps.length) {
      throw new UsageError(
        `"coffer ${spec.path}" needs something to change: --secret-add, --secret-rm, --label-add, --label-rm or --description`,
        spec.path,
      );
    }

    const client = await connect(ctx);
    const done: string[] = [];
    for (const step of steps) {
      try {
        await step.run(client);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const applied = done.length ? `\n(already applied: ${done.join(", ")})` : "";
        throw new CliError(`${apiErrorLine(error)}${applied}`);
      }
      done.push(step.flag);
    }
    ctx.stdout.write(`${name}\n`);
    return 0;
  },
};
