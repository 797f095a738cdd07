// The CLI's version is the package's: read from the package.json beside
// lib/, which is where it sits when installed as an npm bin too.
import { readFileSync } from "node:fs";

export function cliVersion(): string {
  const raw = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(raw) as { version?: string }).version ?? "unknown";
}
