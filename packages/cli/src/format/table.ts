// Columns laid out like docker's tabwriter (minimum width 10, padding 3,
// last column unpadded), so tables line up the way docker users know.

const MIN_WIDTH = 10;
const PADDING = 3;

export function renderTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(MIN_WIDTH, ...all.map((row) => (row[column] ?? "").length + PADDING)));
  const lines = all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join(""));
  return lines.map((line) => `${line}\n`).join("");
}
