// `coffer service …`: the management command grouping the service commands,
// with `coffer service token …` inside it.
import type { Command, CommandGroup } from "../command";
import { groupHelp } from "../help";
import { createCommand } from "./create";
import { inspectCommand } from "./inspect";
import { lsCommand } from "./ls";
import { rmCommand } from "./rm";
import { tokenCreateCommand } from "./token-create";
import { tokenLsCommand } from "./token-ls";
import { tokenRmCommand } from "./token-rm";
import { updateCommand } from "./update";

const lastWord = (c: Command) => c.spec.path.split(" ").at(-1)!;
const entries = (commands: Command[]) =>
  commands.map((c) => ({ name: lastWord(c), summary: c.spec.summary })).sort((a, b) => a.name.localeCompare(b.name));

export const tokenGroup: CommandGroup = {
  path: "service token",
  summary: "Manage the tokens of a service's agents",
  commands: [tokenCreateCommand, tokenLsCommand, tokenRmCommand],
  help: () =>
    groupHelp({
      path: "service token",
      summary: tokenGroup.summary,
      sections: [{ title: "Commands", commands: entries(tokenGroup.commands) }],
    }),
};

export const serviceGroup: CommandGroup = {
  path: "service",
  summary: "Manage services",
  commands: [createCommand, inspectCommand, lsCommand, rmCommand, updateCommand],
  groups: [tokenGroup],
  help: () =>
    groupHelp({
      path: "service",
      summary: serviceGroup.summary,
      sections: [
        { title: "Management Commands", commands: [{ name: "token", summary: tokenGroup.summary }] },
        { title: "Commands", commands: entries(serviceGroup.commands) },
      ],
    }),
};
