import "server-only";
import { TriangleAlert } from "lucide-react";
import { processKeyring } from "@/lib/keys/process-keyring";

/**
 * Shown on every console page while the master key is one Coffer generated
 * for itself: it sits beside the data, so a copy of the state
 * directory carries the key, losing the directory loses every secret, and
 * several app nodes would each generate their own.
 */
export function GeneratedKeyBanner() {
  const loaded = processKeyring();
  if (loaded.source !== "generated") return null;
  return (
    <div
      role="status"
      className="mb-6 flex gap-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-900"
      data-testid="generated-key-banner"
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        The master key was generated into <code className="font-mono text-xs break-all">{loaded.generatedPath}</code>. Back it up: without
        it no secret can be read. For production, configure <code className="font-mono text-xs">COFFER_MASTER_KEY_FILE</code> or{" "}
        <code className="font-mono text-xs">COFFER_KEYRING_FILE</code>.
      </p>
    </div>
  );
}
