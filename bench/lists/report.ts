// bench/results/lists.md from lists.json.
import { fmt, ok, over } from "../support/repeats";

/* eslint-disable @typescript-eslint/no-explicit-any -- the report reads the JSON it wrote */
type R = Record<string, any>;

const TARGET = { apiMs: 50, consoleMs: 150, rssMb: 250 };

export function listsMarkdown(r: R): string {
  const runs = r.runs as R[][];
  const names = (runs[0] ?? []).map((x) => x.scenario as string);
  const of = (name: string) => runs.map((repeat) => repeat.find((x) => x.scenario === name)!);
  const rows = names.flatMap((name) => {
    const xs = of(name);
    const api = over(xs, (x) => x.api.p95);
    const page = over(xs, (x) => x.console.p95);
    const sql = over(xs, (x) => x.pagePlan.executionMs);
    const count = over(xs, (x) => x.countPlan.executionMs);
    const errors = xs.reduce((n, x) => n + x.api.errors + x.console.errors, 0);
    return [
      `| ${name} | API \`${r.paths[name].api}\` | ${fmt(api, 1)} | ${fmt(
        over(xs, (x) => x.api.p50),
        1,
      )} · ${fmt(
        over(xs, (x) => x.api.max),
        1,
      )} | page query ${fmt(sql, 2)} | < ${TARGET.apiMs} | ${ok(api.median < TARGET.apiMs)} | ${errors} |`,
      `| ${name} | console \`${r.paths[name].console}\` | ${fmt(page, 1)} | ${fmt(
        over(xs, (x) => x.console.p50),
        1,
      )} · ${fmt(
        over(xs, (x) => x.console.max),
        1,
      )} | page ${fmt(sql, 2)} + count ${fmt(count, 2)} | < ${TARGET.consoleMs} | ${ok(page.median < TARGET.consoleMs)} | |`,
    ];
  });
  const plans = names
    .map((name) => {
      const last = of(name).at(-1)!;
      return `### ${name}\n\nPage query (${last.pagePlan.executionMs} ms):\n\n\`\`\`\n${last.pagePlan.plan}\n\`\`\`\n\nCount query (${last.countPlan.executionMs} ms):\n\n\`\`\`\n${last.countPlan.plan}\n\`\`\``;
    })
    .join("\n\n");
  return `# List benchmark (${r.date})

${r.machine}.
Server started as \`npm start\` starts it: \`${r.server.command}\` with MALLOC_ARENA_MAX=${r.server.mallocArenaMax}, COFFER_LOG_LEVEL=${r.server.logLevel}, on ${r.server.database}.
${r.secrets.toLocaleString("en")} secrets in one namespace, seeded by SQL in ${r.seedSeconds} s (bench/lists/seed.ts: labels env/team/app, one version row each, a read record for a third).
Each figure: ${r.requests} requests one at a time for a page of 100, ${r.repeats} repeats, as median (min–max) over the repeats.
The SQL column is EXPLAIN ANALYZE's execution time of the same query (built by lib/secrets/list-secrets-sql.ts), run in the same repeat.
A page is ${r.bytes.apiPage.toLocaleString("en")} bytes of JSON from the API, ${r.bytes.consolePage.toLocaleString("en")} bytes of HTML from the console${
    r.bytes.consoleEmpty
      ? ` (${Math.round((r.bytes.consolePage - r.bytes.consoleEmpty) / 100).toLocaleString("en")} bytes a row, HTML and RSC payload: the page less the same page with no rows)`
      : ""
  }.

| list | request | p95 ms | p50 · max ms | SQL (EXPLAIN ANALYZE) ms | target p95 ms | | errors |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Server RSS, sampled every 100 ms from a fresh start to the end (${r.rss.samples} samples): at start ${r.rss.startedMb} MB, after warm-up ${r.rss.warmMb} MB, median ${r.rss.medianMb} MB, peak ${r.rss.peakMb} MB — target < ${TARGET.rssMb} MB ${ok(r.rss.peakMb < TARGET.rssMb)}.

The page query returns the summaries too (the newest version's keys and the latest read joined LATERAL under the LIMIT). The API's p95 includes what the SQL column does not: the token check, the namespace and permission lookups, and JSON. The console's adds the session, the count (capped at 10,000: "1–100 of 10,000+"; the page's position is counted the same way; run beside the page query, not after it), and rendering 100 rows.

## Plans (last repeat)

${plans}
`;
}
