// `coffer integration …`: credentials for orchestrators that call Coffer
// themselves (a Swarm's secret driver, a kube-apiserver's KMS plugin).
// The plugins that use them are `coffer docker-plugin` and `coffer kms-plugin`.
import type { CommandGroup } from "../command";
import { groupHelp } from "../help";
import { createCommand } from "./create";
import { lsCommand } from "./ls";
import { renewCommand } from "./renew";
import { revokeCommand } from "./revoke";

export const integrationGroup: CommandGroup = {
  path: "integration",
  summary: "Manage integrations (Docker Swarm and Kubernetes KMS credentials)",
  commands: [createCommand, lsCommand, renewCommand, revokeCommand],
  help: () =>
    groupHelp({
      path: "integration",
      summary: integrationGroup.summary,
      sections: [
        {
          title: "Commands",
          commands: integrationGroup.commands.map((c) => ({ name: c.spec.path.split(" ").at(-1)!, summary: c.spec.summary })),
        },
      ],
    }),
};
