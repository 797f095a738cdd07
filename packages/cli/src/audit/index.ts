// `coffer audit …`: verify the log, export events, print the signing key.
import type { CommandGroup } from "../command";
import { groupHelp } from "../help";
import { exportCommand } from "./export";
import { publicKeyCommand } from "./public-key";
import { verifyCommand } from "./verify";

export const auditGroup: CommandGroup = {
  path: "audit",
  summary: "Verify and export the audit trail",
  commands: [exportCommand, publicKeyCommand, verifyCommand],
  help: () =>
    groupHelp({
      path: "audit",
      summary: auditGroup.summary,
      sections: [
        { title: "Commands", commands: auditGroup.commands.map((c) => ({ name: c.spec.path.split(" ")[1]!, summary: c.spec.summary })) },
      ],
    }),
};
