// `coffer audit verify`: walks the whole hash chain on the server and says
// whether it is intact; exit code 1 when it is not, for scripts and cron.
import type { CommandSpec } from "../args";
import type { Command } from "../command";
import { connect } from "../session";

type ChainReport = { ok: true; count: number; lastSeq: string | null } | { ok: false; count: number; badSeq: string; reason: string };

const spec: CommandSpec = {
  path: "audit verify",
  usage: "",
  summary: "Verify the audit trail's hash chain",
  args: { min: 0, max: 0 },
  options: [],
};

export function reportText(report: ChainReport): string {
  return report.ok
    ? `Audit chain intact: ${report.count} events verified${report.lastSeq ? ` (through #${report.lastSeq})` : ""}\n`
    : `Audit chain BROKEN at event #${report.badSeq}: ${report.reason} (${report.count} events verified before it)\n`;
}

export const verifyCommand: Command = {
  spec,
  async run(ctx) {
    const client = await connect(ctx);
    const report = await client.request<ChainReport>("POST", "/api/v1/audit/verify", { body: { wait: true } });
    (report.ok ? ctx.stdout : ctx.stderr).write(reportText(report));
    return report.ok ? 0 : 1;
  },
};
