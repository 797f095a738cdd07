// `next build` loads instrumentation.ts to prerender pages; the background
// loops (job worker, audit sequencer, access-count flusher) must not start
// there. Next.js names its phase in NEXT_PHASE.
export function duringNextBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
