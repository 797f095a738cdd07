// The start's own steps, one human line each ("coffer: listening on …"),
// so an operator reading `npm start` sees them instead of JSON (issue 17).
// COFFER_LOG_FORMAT=json turns them back into structured log lines for
// log collectors; the rest of the log is JSON either way.
import { log } from "./logger";

export type StartFormat = "human" | "json";

export function startFormat(env: Record<string, string | undefined> = process.env): StartFormat {
  return env.COFFER_LOG_FORMAT === "json" ? "json" : "human";
}

/** One start step: `coffer: <text>` on stdout, or a JSON line with its fields. */
export function startLine(text: string, fields: Record<string, unknown> = {}, level: "info" | "warn" = "info"): void {
  if (startFormat() === "json") log[level](fields, text);
  else process.stdout.write(`coffer: ${text}\n`);
}
