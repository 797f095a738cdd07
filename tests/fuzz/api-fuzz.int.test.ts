// Regression: 236 of 1,082 fuzzed requests were answered 500
// (NUL bytes, lone surrogates, integers past 2^31/2^63, dates outside
// PostgreSQL's range, an export cut mid-stream). Every operation of the
// OpenAPI document is driven in-process with real tokens on the real
// database, with requests generated from its schemas, and none may answer
// 5xx, show a canary or a caller's token, or write to a domain table when
// it refuses. The audit log must still verify afterwards.
//
// COFFER_FUZZ_SEED picks another seed, COFFER_FUZZ_RUNS another count
// (default 5,000 on PostgreSQL, 1,000 on PGlite); COFFER_FUZZ_REPORT=path
// also writes the findings as markdown.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sealPending } from "@/lib/audit/log/sequencer";
import { verifyAuditLog } from "@/lib/audit/log/verify-log";
import { openApiDocument } from "@/lib/openapi/document";
import { createFixtures } from "./fuzz-fixtures";
import { Pools } from "./fuzz-pools";
import { FuzzReport } from "./fuzz-report";
import { runFuzz } from "./fuzz-runner";
import { buildOperations, type OpenApiDocument } from "./operations";
import { routeModules } from "./route-modules";
import { captureProductLogs } from "./send-request";
import { planSnapshot } from "./table-snapshot";

// One checkpoint file for this file: the run's data directory is shared,
// and other files seal other databases' trees into theirs.
process.env.COFFER_DATA_DIR = join(mkdtempSync(join(tmpdir(), "coffer-fuzz-")), "data");

const database = process.env.COFFER_TEST_DB === "postgres" ? "postgres" : "pglite";
const RUNS = Number(process.env.COFFER_FUZZ_RUNS ?? (database === "postgres" ? 5_000 : 1_000));
const SEED = Number(process.env.COFFER_FUZZ_SEED ?? 1_111_2026);

const { operations, unrouted, uncovered } = buildOperations(
  openApiDocument("http://coffer.test") as unknown as OpenApiDocument,
  routeModules(),
);

describe("the API under fuzzing", () => {
  it("has an operation for every method of every route file, and a route file for every operation", () => {
    expect(uncovered, "route methods missing from the OpenAPI document, so the fuzz suite cannot reach them").toEqual([]);
    expect(unrouted, "operations of the OpenAPI document with no route module exporting the method").toEqual([]);
    expect(operations.length).toBeGreaterThan(40);
  });

  it(
    `answers ${RUNS} fuzzed requests with no 5xx, no leaked canary or token, and no write behind a 4xx`,
    async () => {
      captureProductLogs();
      const fixtures = await createFixtures();
      const pools = new Pools(fixtures);
      await pools.topUp();
      const plan = await planSnapshot();
      const report = new FuzzReport(SEED, RUNS, database);
      const started = Date.now();
      try {
        await runFuzz({ operations, fixtures, pools, plan, report });
      } finally {
        report.notes.push(
          `${((Date.now() - started) / 1000).toFixed(1)} s; domain tables checked: ${plan.domain.join(", ")}; bookkeeping: ${plan.bookkeeping.join(", ")}`,
        );
        // The counts, for the record of a run.
        console.info(report.summary());
        if (report.findings.size) console.error(report.details());
        if (process.env.COFFER_FUZZ_REPORT) report.writeMarkdown(process.env.COFFER_FUZZ_REPORT);
      }

      await sealPending("test");
      const log = await verifyAuditLog();
      expect(report.findings.size, `${report.summary()}\n\n${report.details()}`).toBe(0);
      expect(log, "the audit log after the run").toMatchObject({ ok: true, unsealed: 0 });
      const missed = operations.filter((op) => !report.byOperation.get(op.key)).map((op) => op.key);
      expect(missed, "operations the run never reached").toEqual([]);
      expect(report.runs).toBeGreaterThanOrEqual(RUNS);
    },
    20 * 60_000,
  );
});
