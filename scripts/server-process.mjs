// How a production Coffer server process is started: by `npm start`, the
// e2e suite and the benchmarks alike, so all of them measure what users run.
import { join } from "node:path";

// Memory settings, measured with `npm run bench:audit` (bench/results):
// - --heap-growing-percent=50: after each full collection V8 lets the old
//   space grow to 1.5x what is alive, instead of up to 4x; otherwise ~150 MB
//   of garbage piles up under steady requests before the next collection.
//   No hard limit: a large upload still gets the memory it needs.
// - --max-semi-space-size=8: a 16 MB young generation instead of 32 MB.
// - --wasm-tiering-budget: Prisma's query compiler is WebAssembly; letting
//   V8 re-compile its warm functions with the optimizing tier costs ~30 MB
//   of code and compiler memory and, measured over 2,000 queries, buys no
//   throughput. The budget is 50x the default, so functions that run hot
//   (PGlite's, say) still tier up.
// - MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own
//   malloc arena, and V8's worker threads keep ~45 MB of freed memory in
//   theirs. (--optimize-for-size would save more but cost 30% of export
//   and verification throughput.)
// - MALLOC_TRIM_THRESHOLD_=131072: glibc otherwise raises its trim threshold
//   as large blocks are freed (up to 64 MB) and keeps that much free memory
//   at the top of the heap; a fixed 128 KB hands it back to the system.
//   Measured with bench/memory: ~20 MB less at rest on PGlite (issue 17).
export const serverNodeOptions = ["--heap-growing-percent=50", "--max-semi-space-size=8", "--wasm-tiering-budget=100000000"];
export const serverEnv = { MALLOC_ARENA_MAX: "2", MALLOC_TRIM_THRESHOLD_: "131072" };

/**
 * The node arguments and environment that run the built server; what the
 * caller's environment sets (the MALLOC_ settings included) wins over these.
 */
export function serverProcess(baseEnv = process.env, root = process.cwd()) {
  return {
    args: [...serverNodeOptions, join(root, ".next", "coffer-server", "server.mjs")],
    env: { ...serverEnv, ...baseEnv },
  };
}
