// `coffer secret versions`: the kept versions of a secret, metadata only.
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { timeAgo } from "../../../contracts/src/format/relative-time";
import { humanSize } from "../../../contracts/src/format/size";
import { renderTable } from "../format/table";
import { fetchAllPages } from "../paged-list";
import { connect } from "../session";
import { secretPath, type SecretVersion } from "./types";

const spec: CommandSpec = {
  path: "secret versions",
  usage: "[OPTIONS] SECRET",
  summary: "List the versions of a secret",
  args: { min: 1, max: 1 },
  options: [namespaceOption],
};

export function versionsTable(versions: SecretVersion[], now: Date): string {
  const rows = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => [
      String(v.version),
      timeAgo(v.createdAt, now),
      v.keys.map((key) => key.name).join(","),
      humanSize(v.sizeBytes),
      v.current ? "*" : "",
    ]);
  return renderTable(["VERSION", "CREATED", "KEYS", "SIZE", "CURRENT"], rows);
}

export const versionsCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    const path = secretPath(resolveNamespace(values, ctx.env), positionals[0]!, "versions");
    const versions = await fetchAllPages<SecretVersion, "versions">(client, path, "versions");
    ctx.stdout.write(versionsTable(versions, ctx.now()));
    return 0;
  },
};
