// The logger's settings, read on their own: the logger is imported before
// the preflight has checked the environment (server.ts logs its failure),
// so it cannot wait for, or fail with, the full config(). A bad level
// falls back here and the preflight then refuses it in one line.
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const logLevel = z.enum(LOG_LEVELS);

/**
 * Tests are quiet unless COFFER_LOG_LEVEL says otherwise. Request lines are
 * `debug` unless COFFER_LOG_REQUESTS=true: at `info` one JSON line per
 * request buried the start's own lines (issue 17).
 */
export function logConfig(env: Record<string, string | undefined> = process.env): { level: LogLevel; requestLevel: "info" | "debug" } {
  const level = logLevel.safeParse(env.COFFER_LOG_LEVEL);
  return {
    level: level.success ? level.data : env.NODE_ENV === "test" ? "silent" : "info",
    requestLevel: env.COFFER_LOG_REQUESTS === "true" ? "info" : "debug",
  };
}

/** The level of one request's log line: failures of the server always show. */
export function requestLogLevel(status: number, requestLevel: "info" | "debug"): "warn" | "info" | "debug" {
  return status >= 500 ? "warn" : requestLevel;
}
