// `coffer secret rotation …`: a secret's automatic rotation (issue 18).
import type { CommandGroup } from "../command";
import { groupHelp } from "../help";
import { rotationSetCommand } from "./rotation-set";
import { rotationRunCommand, rotationShowCommand, rotationUnsetCommand } from "./rotation-show";

const commands = [rotationRunCommand, rotationSetCommand, rotationShowCommand, rotationUnsetCommand];

export const rotationGroup: CommandGroup = {
  path: "secret rotation",
  summary: "Rotate secrets on a schedule",
  commands,
  help: () =>
    groupHelp({
      path: "secret rotation",
      summary: rotationGroup.summary,
      sections: [{ title: "Commands", commands: commands.map((c) => ({ name: c.spec.path.split(" ").at(-1)!, summary: c.spec.summary })) }],
    }),
};
