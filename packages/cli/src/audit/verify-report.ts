// A LogReport as the text `coffer audit verify` prints: the signed tree
// head, the outside copy it was compared with, what was checked, then the
// verdict and where a mismatch starts.
import type { LogProblem, LogReport, TreeHead } from "../../../contracts/src/audit/log-report";

export function headText(head: TreeHead): string {
  return `${head.size} ${head.size === 1 ? "event" : "events"}, root ${head.rootHash}, signed ${head.time}, key ${head.keyId}`;
}

const SOURCE = { file: "the server's checkpoint file", given: "the given checkpoint" } as const;

export function whereText(problem: LogProblem): string | null {
  if (problem.firstBadSeq) return `event #${problem.firstBadSeq}`;
  if (problem.range)
    return `after ${problem.range.afterSeq ? `#${problem.range.afterSeq}` : "the first event"}, up to #${problem.range.throughSeq}`;
  return null;
}

export function reportRows(report: LogReport): [string, string][] {
  const rows: [string, string][] = [["Signed tree head:", report.head ? headText(report.head) : "none yet (no event has been sealed)"]];
  if (report.outside) rows.push(["Compared with:", `${SOURCE[report.outside.source]}, ${headText(report.outside)}`]);
  else rows.push(["Compared with:", "no checkpoint held outside the database was found"]);
  const parts = [`${report.checked} recomputed from their events`];
  if (report.archived) parts.push(`${report.archived} archived (checked by leaf hash)`);
  if (report.unsealed) parts.push(`${report.unsealed} not covered by the checkpoint (not sealed yet, or newer)`);
  rows.push(["Checked:", parts.join(", ")]);
  const where = report.problem && whereText(report.problem);
  if (where) rows.push(["Mismatch starts:", where]);
  return rows;
}

export function verdictLine(report: LogReport): string {
  if (report.ok) return "Audit log intact: every sealed event matches the signed tree.";
  return `Audit log NOT intact: ${report.problem?.message ?? "verification failed"}`;
}

/** Label and value rows, the values in one column across every block the command prints. */
export function labelled(rows: [string, string][]): string[] {
  return rows.map(([label, value]) => `${label.padEnd(19)} ${value}`);
}

export function reportText(report: LogReport, extra: [string, string][] = []): string {
  return `${[...labelled([...extra, ...reportRows(report)]), verdictLine(report)].join("\n")}\n`;
}
