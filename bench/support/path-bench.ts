// What the per-path HTTP benchmarks share (bench/integrations,
// bench/vault): warm every path, then each repeat measures every path at
// the pool's connections and some on one connection, with the server's
// peak RSS; counts what was sent for the audit reconciliation; collects
// the server's warnings; and renders the figures as a Markdown table.
import { peakRss } from "../audit/load";
import { runLoad, type LoadReport } from "./http-load";
import type { AppNode } from "./instance";
import { fmt, over, runRepeats } from "./repeats";

export type PathPlan = { path: string; method?: string; headers?: Record<string, string>; body?: (i: number) => string };
export type Figure = LoadReport & { rssStartMb: number; rssPeakMb: number };
export type PathRun<M extends string> = { loaded: Record<M, Figure>; single: Partial<Record<M, Figure>> };

export async function measurePaths<M extends string>(options: {
  node: AppNode;
  plans: Record<M, PathPlan>;
  /** Requests already sent on each path (the checks); every load adds its own. */
  sent: Record<M, number>;
  connections: number;
  seconds: number;
  warmSeconds: number;
  repeats: number;
  /** Measured again on one connection: latency without queueing. */
  single: M[];
  singleSeconds: number;
}): Promise<{ runs: PathRun<M>[]; rssAfterWarmMb: number; rssEndMb: number }> {
  const { node, plans, sent } = options;
  const measures = Object.keys(plans) as M[];
  const load = async (measure: M, seconds: number, connections: number): Promise<Figure> => {
    const { result, baselineMb, peakMb } = await peakRss(node.child.pid!, () =>
      runLoad({ targets: [{ port: node.port }], connections, seconds, ...plans[measure] }),
    );
    sent[measure] += result.requests;
    return { ...result, rssStartMb: baselineMb, rssPeakMb: peakMb };
  };
  // JIT, Prisma's query compiler and the pool warm on every path before anything is measured.
  for (const measure of measures) await load(measure, options.warmSeconds, options.connections);
  const rssAfterWarmMb = (await peakRss(node.child.pid!, async () => undefined)).baselineMb;
  const runs = await runRepeats(options.repeats, async () => {
    const run: PathRun<M> = { loaded: {} as Record<M, Figure>, single: {} };
    const show = (label: string, f: Figure) =>
      console.log(`  ${label}: ${f.rps} req/s, p50 ${f.p50} p95 ${f.p95} p99 ${f.p99} ms, errors ${f.errors}, peak RSS ${f.rssPeakMb} MB`);
    for (const measure of measures) show(measure, (run.loaded[measure] = await load(measure, options.seconds, options.connections)));
    for (const measure of options.single)
      show(`${measure}, 1 connection`, (run.single[measure] = await load(measure, options.singleSeconds, 1)));
    return run;
  });
  const rssEndMb = (await peakRss(node.child.pid!, async () => undefined)).baselineMb;
  return { runs, rssAfterWarmMb, rssEndMb };
}

/** pino's warn/error/fatal lines, and anything Node itself printed (deprecations, unhandled rejections). */
export function serverWarnings(output: string): { count: number; first: string[] } {
  const lines = output
    .split("\n")
    .filter((line) => /"level":(40|50|60)\b/.test(line) || (!line.startsWith("{") && /warning|error/i.test(line)))
    .map((line) => line.slice(0, 400));
  return { count: lines.length, first: lines.slice(0, 10) };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the reports read the JSON they wrote */
type R = Record<string, any>;

/** One table row per measured path: req/s, latencies, errors (with the first), peak RSS; each median (min–max) over the repeats. */
export function figureRows(runs: R[], group: "loaded" | "single", rows: [string, string][]): string {
  const sum = (m: string, field: string) => runs.reduce((n, r) => n + Number(r[group][m]?.[field] ?? 0), 0);
  return rows
    .filter(([m]) => runs[0]![group][m])
    .map(([m, label]) => {
      const first = runs.map((r) => r[group][m]?.firstError).find(Boolean);
      const cell = (field: string, digits = 1) =>
        fmt(
          over(runs, (r) => r[group][m][field]),
          digits,
        );
      const errors = `${sum(m, "errors")}${first ? ` (first: \`${String(first).slice(0, 80)}\`)` : ""}`;
      return `| ${label} | ${cell("rps", 0)} | ${cell("p50")} | ${cell("p95")} | ${cell("p99")} | ${cell("max")} | ${errors} | ${cell("rssPeakMb", 0)} |`;
    })
    .join("\n");
}
