// The rotation time (issue 18 §3): runs the 20-rotation test with its
// measurements written to bench/results/rotation.{json,md}. The test itself
// is the benchmark, so the figures come from the same run that proves 0
// failed connections; `npm test` runs it too, printing them only.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["vitest", "run", "--project", "integration-postgres", "tests/rotation/postgres-rotation.int.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, COFFER_BENCH_RESULTS: "1" },
});
process.exit(result.status ?? 1);
