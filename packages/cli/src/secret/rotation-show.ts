// `coffer secret rotation show|run|unset [NS/]SECRET`
import { absoluteTime } from "../../../contracts/src/format/relative-time";
import { type CommandSpec, namespaceOption } from "../args";
import type { Command } from "../command";
import { connect } from "../session";
import { rotationPath, type RotationPolicy, type RotationRun } from "./rotation-types";

const target = { usage: "[OPTIONS] [NS/]SECRET", args: { min: 1, max: 1 }, options: [namespaceOption] };

/** The policy as lines of `field: value`; the rotator's admin is a secret's name, never its URL. */
export function describePolicy(policy: RotationPolicy): string {
  const { generator, rotator } = policy;
  const lines = [
    `secret:     ${policy.namespace}/${policy.secret}`,
    `every:      ${policy.every}`,
    `generator:  ${generator.length} ${generator.alphabet}${generator.key ? ` into key ${generator.key}` : ""}`,
    ...(rotator ? [`rotator:    ${rotator.kind} (admin secret ${rotator.admin}, roles ${rotator.roles.join(", ")})`] : []),
    `next run:   ${absoluteTime(policy.nextRunAt)}`,
    `last run:   ${policy.lastRunAt ? `${absoluteTime(policy.lastRunAt)} (version ${policy.lastVersion})` : "never"}`,
    ...(policy.lastError
      ? [`last error: ${policy.lastError} (${absoluteTime(policy.lastErrorAt!)}, ${policy.failures} failed run(s) in a row)`]
      : []),
  ];
  return `${lines.join("\n")}\n`;
}

export const rotationShowCommand: Command = {
  spec: { path: "secret rotation show", summary: "Show a secret's rotation policy and its last run", ...target } satisfies CommandSpec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    ctx.stdout.write(describePolicy(await client.request<RotationPolicy>("GET", rotationPath(positionals[0]!, values, ctx.env))));
    return 0;
  },
};

export const rotationRunCommand: Command = {
  spec: { path: "secret rotation run", summary: "Rotate now, off the schedule", ...target } satisfies CommandSpec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    const run = await client.request<RotationRun>("POST", rotationPath(positionals[0]!, values, ctx.env, "run"));
    if (run.rotated) {
      ctx.stdout.write(`${run.policy.secret} rotated: version ${run.version}\n`);
      return 0;
    }
    ctx.stderr.write(`${run.policy.secret} not rotated: ${run.error}\n`);
    return 1;
  },
};

export const rotationUnsetCommand: Command = {
  spec: { path: "secret rotation unset", summary: "Stop rotating a secret (its versions stay)", ...target } satisfies CommandSpec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    await client.request<null>("DELETE", rotationPath(positionals[0]!, values, ctx.env));
    ctx.stdout.write(`${positionals[0]}: rotation stopped\n`);
    return 0;
  },
};
