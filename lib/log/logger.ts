// Structured JSON logs. Anything that looks like a credential is redacted
// by key, so a careless `log.info({ body })` cannot print a password.
import pino from "pino";
import { logConfig } from "../config/log-config";

export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "setupToken",
  "authorization",
  "cookie",
  "secret",
  "value",
];

export const log = pino({
  level: logConfig().level,
  base: { service: "coffer" },
  redact: {
    paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
    censor: "[redacted]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function requestLogger(requestId: string | undefined) {
  return requestId ? log.child({ requestId }) : log;
}
