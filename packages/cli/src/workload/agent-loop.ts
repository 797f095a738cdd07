// What `coffer agent` does once it has its token: fetch, apply, and with
// --watch poll again every interval with the last ETag. It stops for good
// only when the token is refused (a revoked token must stop the agent) or
// when asked to stop; anything else keeps the current files and tries again.
import { applyDelivery } from "./apply-delivery";
import { fetchRuntimeSecrets, RuntimeError } from "./runtime-client";
import type { DeliveredSecret } from "../../../contracts/src/runtime/delivery";

export type AgentOptions = {
  server: string;
  token: string;
  dir: string;
  /** Poll until stopped; otherwise deliver once. */
  watch: boolean;
  intervalMs: number;
  chown: boolean;
  log: (line: string) => void;
  /** Aborted on SIGINT/SIGTERM: a request in flight is dropped, a write in progress finishes. */
  stop: AbortSignal;
};

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (stop.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener("abort", done);
  });
}

async function apply(dir: string, secrets: DeliveredSecret[], chown: boolean, log: (line: string) => void): Promise<boolean> {
  try {
    return (await applyDelivery(dir, secrets, { chown, log })).failed;
  } catch (error) {
    // The directory or the manifest itself could not be written.
    log(`error: cannot update ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    return true;
  }
}

/** Resolves to the exit code. */
export async function runAgent(options: AgentOptions): Promise<number> {
  const { server, token, dir, watch, intervalMs, chown, log, stop } = options;
  const retry = `keeping the current files; next try in ${intervalMs / 1000}s`;
  let etag: string | null = null;
  for (;;) {
    try {
      const answer = await fetchRuntimeSecrets({ server, token, etag, signal: stop });
      if (answer.changed) {
        const failed = await apply(dir, answer.body.secrets, chown, log);
        // After a failed write, forget the ETag so the next poll delivers
        // again; a delivery problem (a bad path) would not change by retrying.
        etag = failed ? null : answer.etag;
        if (!watch) return failed ? 1 : 0;
      }
    } catch (error) {
      if (stop.aborted) return 0;
      if (!(error instanceof RuntimeError)) throw error;
      if (error.kind === "refused" || !watch) {
        log(error.message);
        return 1;
      }
      log(`${error.message} (${retry})`);
    }
    if (!watch || stop.aborted) return 0;
    await sleep(intervalMs, stop);
    if (stop.aborted) return 0;
  }
}
