import "server-only";
import { TriangleAlert } from "lucide-react";
import type { Actor } from "@/lib/auth/actor";
import { generatedKeyNotice } from "@/lib/keys/generated-key-notice";

const code = "font-mono text-xs";

/**
 * Shown on every console page while the master key is one Coffer generated
 * for itself: it sits beside the data, so a copy of the state
 * directory carries the key, losing the directory loses every secret, and
 * several app nodes would each generate their own. Owners see where the
 * key is; other members are asked to tell one.
 */
export async function GeneratedKeyBanner({ actor }: { actor: Actor }) {
  const notice = await generatedKeyNotice(actor);
  if (!notice) return null;
  return (
    <div
      role="status"
      className="mb-6 flex gap-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-900"
      data-testid="generated-key-banner"
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      {notice.path ? (
        <p>
          The master key was generated into <code className={`${code} break-all`}>{notice.path}</code>. Back it up: without it no secret can
          be read. For production, configure <code className={code}>COFFER_MASTER_KEY_FILE</code> or{" "}
          <code className={code}>COFFER_KEYRING_FILE</code>.
        </p>
      ) : (
        <p>
          This instance uses a master key it generated for itself, and no backup of it is known. Ask an owner to back up the master key:
          without it no secret can be read.
        </p>
      )}
    </div>
  );
}
