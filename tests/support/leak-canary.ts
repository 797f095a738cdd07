// Test support for leak tests: a recognisable plaintext, and an assertion
// that an error shows none of the given secrets anywhere a log could
// print it (message, stack, properties, cause). Shared by every leak test.
import { inspect } from "node:util";

export const CANARY = "CANARY-7d1f3b";

/** Throws when `error`, printed every way a logger might, contains any secret in any common encoding. */
export function assertNoLeak(error: unknown, ...secrets: (string | Uint8Array)[]): void {
  const printed = [String(error), inspect(error, { depth: 5, showHidden: true }), JSON.stringify(error) ?? ""].join("\n");
  for (const secret of secrets) {
    const bytes = Buffer.from(secret);
    const forms = [bytes.toString("utf8"), bytes.toString("base64"), bytes.toString("hex")];
    for (const form of forms) {
      if (form.length >= 8 && printed.includes(form)) {
        throw new Error(`leak: an error shows a secret (${form.length} chars) in: ${printed.slice(0, 120)}`);
      }
    }
  }
}
