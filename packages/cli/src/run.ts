// `coffer ARGS…` → exit code. Finds the command, handles --help and
// --version, and prints every failure the docker way on stderr; commands
// only throw. Kept apart from main.ts so tests can run the whole CLI
// in-process.
import { takeApprovalFlags } from "./approval-flags";
import { parseCommand, wantsHelp } from "./args";
import { auditGroup } from "./audit";
import { loginCommand } from "./auth/login";
import { logoutCommand } from "./auth/logout";
import type { Command, CommandGroup } from "./command";
import type { CliContext } from "./context";
import { ApiError, apiErrorLine, CliError, ConnectError, UsageError } from "./errors";
import { commandHelp, groupHelp, usageErrorText } from "./help";
import { integrationGroup } from "./integration";
import { dockerPluginCommand } from "./integrations/docker-plugin";
import { kmsPluginCommand } from "./kms/kms-plugin";
import { secretCommands, secretGroupSummary, secretHelp } from "./secret";
import { rotationGroup } from "./secret/rotation";
import { serviceGroup } from "./service";
import { cliVersion } from "./version";
import { agentCommand } from "./workload/agent";
import { runWithSecretsCommand } from "./workload/run-with-secrets";

const topCommands: Command[] = [agentCommand, dockerPluginCommand, kmsPluginCommand, loginCommand, logoutCommand, runWithSecretsCommand];
const secretGroup: CommandGroup = {
  path: "secret",
  summary: secretGroupSummary,
  commands: secretCommands,
  groups: [rotationGroup],
  help: secretHelp,
};
const groups: CommandGroup[] = [auditGroup, integrationGroup, secretGroup, serviceGroup];

function commandsOf(group: CommandGroup): Command[] {
  return [...group.commands, ...(group.groups ?? []).flatMap(commandsOf)];
}
const allCommands = [...topCommands, ...groups.flatMap(commandsOf)];

const isHelp = (arg: string | undefined) => arg === undefined || arg === "--help" || arg === "-h" || arg === "help";

export function topHelp(): string {
  return groupHelp({
    path: "",
    summary: "A self-hosted secret manager",
    options: [
      ["  -h, --help", "Print usage"],
      ["      --reason string", "Why, when the action needs a second person's approval: requests it"],
      ["  -v, --version", "Print version information and quit"],
      ["      --wait", "Wait for that approval, then carry on"],
    ],
    sections: [
      { title: "Management Commands", commands: groups.map((g) => ({ name: g.path, summary: g.summary })) },
      { title: "Commands", commands: topCommands.map((c) => ({ name: c.spec.path, summary: c.spec.summary })) },
    ],
    notes: [
      {
        title: "Environment",
        rows: [
          ["COFFER_SERVER, COFFER_TOKEN", "Use this server and token instead of the stored login (CI)"],
          ["COFFER_NAMESPACE", 'Namespace when --namespace is not given (default "default")'],
          ["COFFER_CONFIG_DIR", "Where the login is stored (default $XDG_CONFIG_HOME/coffer or ~/.config/coffer)"],
        ],
      },
    ],
  });
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  try {
    const global = takeApprovalFlags(argv);
    return await dispatch(global.argv, { ...ctx, approval: { ...ctx.approval, ...global.approval } });
  } catch (error) {
    ctx.stderr.write(failureText(error));
    return 1;
  }
}

async function dispatch(argv: string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (isHelp(first)) {
    ctx.stdout.write(topHelp());
    return 0;
  }
  if (first === "--version" || first === "-v") {
    ctx.stdout.write(`coffer version ${cliVersion()}\n`);
    return 0;
  }
  const group = groups.find((g) => g.path === first);
  if (group) return dispatchGroup(group, rest, ctx);
  const command = topCommands.find((c) => c.spec.path === first);
  if (!command) {
    const what = first!.startsWith("-") ? `unknown flag: ${first}` : `'${first}' is not a coffer command.`;
    throw new CliError(`coffer: ${what}\nSee 'coffer --help'`);
  }
  return runCommand(command, rest, ctx);
}

async function dispatchGroup(group: CommandGroup, argv: string[], ctx: CliContext): Promise<number> {
  const [sub, ...args] = argv;
  if (isHelp(sub)) {
    ctx.stdout.write(group.help());
    return 0;
  }
  const nested = group.groups?.find((g) => g.path === `${group.path} ${sub}`);
  if (nested) return dispatchGroup(nested, args, ctx);
  const command = group.commands.find((c) => c.spec.path === `${group.path} ${sub}` || c.spec.aliases?.includes(sub!));
  if (!command) throw new CliError(`coffer: '${sub}' is not a coffer ${group.path} command.\nSee 'coffer ${group.path} --help'`);
  return runCommand(command, args, ctx);
}

async function runCommand(command: Command, args: string[], ctx: CliContext): Promise<number> {
  if (wantsHelp(args)) {
    ctx.stdout.write(commandHelp(command.spec));
    return 0;
  }
  return command.run(ctx, parseCommand(command.spec, args));
}

function failureText(error: unknown): string {
  if (error instanceof UsageError) {
    const spec = allCommands.find((c) => c.spec.path === error.command)?.spec;
    return usageErrorText(error.message, spec, error.command);
  }
  if (error instanceof ApiError) return `${apiErrorLine(error)}\n`;
  if (error instanceof ConnectError || error instanceof CliError) return `${error.message}\n`;
  // Not expected: say what happened without a stack trace (nothing secret
  // is in one, but it is noise to a user).
  return `coffer: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`;
}
