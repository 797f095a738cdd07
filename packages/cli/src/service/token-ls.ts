// `coffer service token ls SERVICE`: the service's tokens, metadata only
// (the prefix identifies a token file without revealing it).
import { type CommandSpec, namespaceOption, resolveNamespace } from "../args";
import type { Command } from "../command";
import { timeAgo } from "../../../contracts/src/format/relative-time";
import { renderTable } from "../format/table";
import { connect } from "../session";
import { servicePath, type ServiceToken } from "./types";

const spec: CommandSpec = {
  path: "service token ls",
  aliases: ["list"],
  usage: "[OPTIONS] SERVICE",
  summary: "List the tokens of a service",
  args: { min: 1, max: 1 },
  options: [{ name: "quiet", short: "q", type: "boolean", help: "Only display IDs" }, namespaceOption],
};

export function tokensTable(tokens: ServiceToken[], now: Date): string {
  const ago = (iso: string | null, otherwise: string) => (iso ? timeAgo(iso, now) : otherwise);
  const state = (t: ServiceToken) => {
    if (t.revokedAt) return "revoked";
    if (t.expiresAt && Date.parse(t.expiresAt) <= now.getTime()) return "expired";
    return t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : "no expiry";
  };
  const rows = tokens.map((t) => [t.id, t.name, t.prefix, timeAgo(t.createdAt, now), ago(t.lastUsedAt, "never"), state(t)]);
  return renderTable(["ID", "NAME", "PREFIX", "CREATED", "LAST USED", "STATE"], rows);
}

export const tokenLsCommand: Command = {
  spec,
  async run(ctx, { values, positionals }) {
    const client = await connect(ctx);
    const { tokens } = await client.request<{ tokens: ServiceToken[] }>(
      "GET",
      servicePath(resolveNamespace(values, ctx.env), positionals[0]!, "tokens"),
    );
    ctx.stdout.write(values.quiet ? tokens.map((t) => `${t.id}\n`).join("") : tokensTable(tokens, ctx.now()));
    return 0;
  },
};
