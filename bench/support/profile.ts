// Where a server's CPU time goes under load: the node runs with
// --cpu-prof (written when it exits), and the profile's self time is
// summed per function and per place (our code, a package, Node's
// internals, garbage collection), so a missed target names its cause.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  threads: number;
  seconds: number;
  busyPercent: number;
  byPlace: { place: string; percent: number }[];
  topFunctions: { fn: string; percent: number }[];
};

/** The package or area a script URL belongs to. */
function placeOf(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(idle)" || fn === "(program)") return fn;
  if (!url) return "native / V8";
  if (url.startsWith("wasm://")) return "WebAssembly (Prisma's query compiler)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!.replace(/-[0-9a-f]{16}$/, "");
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next/server/")) return "app (.next/server chunks: Next.js runtime + our routes and lib)";
  if (url.includes("/.next/coffer-server/")) return "server.ts (custom server)";
  return url.replace(/^file:\/\//, "");
}

/** Now on the clock V8 stamps profile samples with (CLOCK_MONOTONIC, µs), the same in every process. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** The profile of process `pid` in `dir`, summarised; only samples inside `window` (µs, monotonic) when given. */
export function summarizeProfile(dir: string, pid: number, window?: { from: number; to: number }, top = 15): ProfileSummary {
  // One file per thread (worker threads included): their samples are added up.
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile") && f.includes(`.${pid}.`));
  if (!files.length) throw new Error(`no CPU profile of process ${pid} in ${dir}`);
  const self = new Map<ProfileNode, number>();
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    // Start-up (the preflight child, module compilation) is no part of the load: samples outside the window are left out.
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (window && (at < window.from || at > window.to)) return;
      const node = byId.get(id)!;
      self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
  }
  if (!self.size) throw new Error("the CPU profile has no samples in the measured window (clocks differ?)");
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  for (const [node, us] of self) {
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    if (place === "(idle)") {
      idle += us;
      continue;
    }
    places.set(place, (places.get(place) ?? 0) + us);
    const name = `${functionName || "(anonymous)"} ${place.startsWith("app") ? `app:${lineNumber}` : place}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => Number(((us / busy) * 100).toFixed(1));
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    threads: files.length,
    seconds: Number((total / 1e6).toFixed(1)),
    busyPercent: Number(((busy / total) * 100).toFixed(1)),
    byPlace: sorted(places).map(([place, us]) => ({ place, percent: pct(us) })),
    topFunctions: sorted(functions).map(([fn, us]) => ({ fn, percent: pct(us) })),
  };
}

/** Runs `work` against a node started with --cpu-prof, then stops it and summarises its profile. */
/** Runs `warm` then `work` against a node started with --cpu-prof, stops it and summarises `work`'s stretch of its profile. */
export async function profiled(
  start: (nodeArgs: string[]) => Promise<{ child: { pid?: number }; stop(): Promise<void> }>,
  warm: () => Promise<unknown>,
  work: () => Promise<unknown>,
  dir: string,
) {
  const node = await start(["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  let window;
  try {
    await warm();
    const from = monotonicMicros();
    await work();
    window = { from, to: monotonicMicros() };
  } finally {
    await node.stop();
  }
  return summarizeProfile(dir, node.child.pid!, window);
}

/** A profile summary as two short Markdown tables ("" when none was taken). */
export function profileSection(p: ProfileSummary | null | undefined, during: string): string {
  if (!p) return "";
  const places = p.byPlace.map((x) => `| ${x.place} | ${x.percent} % |`).join("\n");
  const functions = p.topFunctions.map((x) => `| \`${x.fn}\` | ${x.percent} % |`).join("\n");
  return `Where the node's CPU went during ${during} (\`--cpu-prof\`, ${p.seconds} s of samples over ${p.threads} thread(s); busy ${p.busyPercent} % of that time; shares of busy time, self time):

| place | share |
|---|---|
${places}

| function (self time) | share |
|---|---|
${functions}
`;
}
