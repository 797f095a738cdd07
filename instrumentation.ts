// Next.js calls register() once per server process. The job worker (key
// re-wrap, and other background jobs) runs only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobWorker } = await import("./lib/jobs/worker");
    startJobWorker();
  }
}
