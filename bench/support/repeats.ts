// Three repeats per figure, reported as min / median / max; a ratio to a
// baseline is taken within each repeat (both measured minutes apart on the
// same machine), then spread the same way. Targets are judged on the median.
export type Spread = { min: number; median: number; max: number };

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return { min: NaN, median: NaN, max: NaN };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

/** `pick` applied to every repeat. */
export const over = <R>(repeats: R[], pick: (r: R) => number): Spread => spread(repeats.map(pick));

const round = (n: number, digits: number) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
const num = (n: number, digits: number) => round(n, digits).toLocaleString("en", { maximumFractionDigits: digits });

/** "median (min–max)" */
export function fmt(s: Spread, digits = 0, unit = ""): string {
  if (s.min === s.max) return `${num(s.median, digits)}${unit}`;
  return `${num(s.median, digits)}${unit} (${num(s.min, digits)}–${num(s.max, digits)})`;
}

export const ratio = (s: Spread) => `${fmt(s, 2)}×`;
export const ok = (pass: boolean) => (pass ? "✅" : "❌");

export function runRepeats<R>(count: number, run: (i: number) => Promise<R>): Promise<R[]> {
  return (async () => {
    const out: R[] = [];
    for (let i = 0; i < count; i++) {
      console.log(`— repeat ${i + 1} of ${count}`);
      out.push(await run(i));
    }
    return out;
  })();
}

export const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
/** Seconds per load run; short while developing (BENCH_SECONDS=3). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const MACHINE = process.env.BENCH_MACHINE ?? "node-svc: 2 cores, PostgreSQL 15 on loopback, shared with other sessions";
