// The logger's settings, read on their own: the logger is imported before
// the preflight has checked the environment (server.ts logs its failure),
// so it cannot wait for, or fail with, the full config(). A bad level
// falls back here and the preflight then refuses it in one line.
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const logLevel = z.enum(LOG_LEVELS);

/** Tests are quiet unless COFFER_LOG_LEVEL says otherwise. */
export function logConfig(env: Record<string, string | undefined> = process.env): { level: LogLevel } {
  const level = logLevel.safeParse(env.COFFER_LOG_LEVEL);
  return { level: level.success ? level.data : env.NODE_ENV === "test" ? "silent" : "info" };
}
