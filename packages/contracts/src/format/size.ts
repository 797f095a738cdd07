// docker's units.HumanSize (decimal units, four significant digits): "34B",
// "1.5kB", "1.049MB".
const UNITS = ["B", "kB", "MB", "GB", "TB"];

export function humanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${Number(size.toPrecision(4))}${UNITS[unit]}`;
}
