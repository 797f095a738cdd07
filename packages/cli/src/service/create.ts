// `coffer service create NAME`: a workload that secrets can be bound to.
// Unlike docker's, it runs nothing: the agent or `coffer run` delivers.
import { type CommandSpec, list, namespaceOption, resolveNamespace, text } from "../args";
import type { Command } from "../command";
import { parseLabels } from "../secret/create";
import { connect } from "../session";
import { servicePath, type ServiceSummary } from "./types";

const spec: CommandSpec = {
  path: "service create",
  usage: "[OPTIONS] SERVICE",
  summary: "Create a new service",
  args: { min: 1, max: 1 },
  options: [
    { name: "description", type: "string", help: "What the service is" },
    { name: "label", short: "l", type: "string", multiple: true, help: "Service labels (KEY=VALUE)" },
    namespaceOption,
  ],
  details: `Then bind secrets and give its agent a token:
  coffer service update --secret-add source=db_pw,target=db_password,mode=0400 db
  coffer service token create db > /etc/coffer/db.token`,
};

export const createCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const labels = parseLabels(list(values, "label"), spec.path);
    const description = text(values, "description");
    const client = await connect(ctx);
    const body = {
      name: positionals[0],
      ...(description !== undefined ? { description } : {}),
      ...(Object.keys(labels).length ? { labels } : {}),
    };
    const created = await client.request<ServiceSummary>("POST", servicePath(resolveNamespace(values, ctx.env)), { body });
    // Only the ID, as docker prints it, so `ID=$(coffer service create …)` works.
    ctx.stdout.write(`${created.id}\n`);
    return 0;
  },
};
