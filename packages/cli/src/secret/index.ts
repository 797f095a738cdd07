// `coffer secret …`: the management command grouping the secret commands.
import type { Command } from "../command";
import { groupHelp } from "../help";
import { applyCommand } from "./apply";
import { createCommand } from "./create";
import { inspectCommand } from "./inspect";
import { lsCommand } from "./ls";
import { revealCommand } from "./reveal";
import { rmCommand } from "./rm";
import { rollbackCommand } from "./rollback";
import { rotateCommand } from "./rotate";
import { rotationGroup } from "./rotation";
import { versionsCommand } from "./versions";

export const secretCommands: Command[] = [
  applyCommand,
  createCommand,
  inspectCommand,
  lsCommand,
  revealCommand,
  rmCommand,
  rotateCommand,
  versionsCommand,
  rollbackCommand,
];

export const secretGroupSummary = "Manage secrets";

export function secretHelp(): string {
  return groupHelp({
    path: "secret",
    summary: secretGroupSummary,
    sections: [
      {
        title: "Commands",
        commands: secretCommands
          .map((c) => ({ name: c.spec.path.split(" ")[1]!, summary: c.spec.summary }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
      // After Commands: `coffer secret --help` opens with the everyday commands, as before.
      { title: "Management Commands", commands: [{ name: "rotation", summary: rotationGroup.summary }] },
    ],
  });
}
