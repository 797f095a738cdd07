// The CLI's version is its package's: read from packages/cli/package.json,
// one directory up from both src/ (tests) and dist/ (the bundle, installed
// or not).
import { readFileSync } from "node:fs";

export function cliVersion(): string {
  const raw = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(raw) as { version?: string }).version ?? "unknown";
}
