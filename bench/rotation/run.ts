// The rotation time (issue 18 §3): runs the 20-rotation test with its
// measurements written to bench/results/rotation.{json,md}. The test itself
// is the benchmark, so the figures come from the same run that proves 0
// failed connections; `npm test` runs it too, printing them only.
// COFFER_BENCH_WORKER_REPEATS (default 5) adds the rotations through the real
// job worker's schedule (a minute each at the default interval); 0 skips them.
import { spawnSync } from "node:child_process";

const repeats = process.env.COFFER_BENCH_WORKER_REPEATS ?? "5";
const result = spawnSync("npx", ["vitest", "run", "--project", "integration-postgres", "tests/rotation/postgres-rotation.int.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, COFFER_BENCH_RESULTS: "1", COFFER_BENCH_WORKER_REPEATS: repeats },
});
process.exit(result.status ?? 1);
