import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { forbidden } from "next/navigation";
import { InstanceApprovalPolicy } from "@/features/approvals/components/instance-approval-policy";
import { AutoRefresh } from "@/features/keys/components/auto-refresh";
import { KeyTable } from "@/features/keys/components/key-table";
import { RewrapControls } from "@/features/keys/components/rewrap-controls";
import { RewrapProgress } from "@/features/keys/components/rewrap-progress";
import { RotationSteps } from "@/features/keys/components/rotation-steps";
import { requireActor } from "@/lib/auth/current-actor";
import { Forbidden } from "@/lib/errors";
import { getEncryptionStatus, type EncryptionStatus } from "@/lib/keys/get-encryption-status";
import { cancelRewrapAction, startRewrapAction } from "../../../../features/keys/actions";

export const metadata: Metadata = { title: "Encryption" };

const card = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800";
const muted = "text-sm text-zinc-500 dark:text-zinc-400";

function sourceText(status: EncryptionStatus): { title: string; detail: string } {
  if (status.source === "keyring-file") return { title: "Keyring file", detail: "Keys come from the file named by COFFER_KEYRING_FILE." };
  if (status.source === "master-key") {
    return { title: "Master key", detail: "One key from COFFER_MASTER_KEY or COFFER_MASTER_KEY_FILE, named “master”." };
  }
  return { title: "Generated master key", detail: `Generated on first start into ${status.generatedPath ?? "the state directory"}.` };
}

/** Why the re-wrap cannot start now, or null when it can. */
function startBlocker(status: EncryptionStatus, active: boolean): string | null {
  if (active) return "A re-wrap job is in progress; wait for it to finish or cancel it.";
  const missing = status.keys.find((k) => !k.inKeyring && k.versions > 0);
  if (missing) return `Key “${missing.kekName}” is not in the keyring; put it back before re-wrapping.`;
  if (status.keys.every((k) => k.primary || k.versions === 0)) {
    return `Every secret version already uses the primary key “${status.primary}”. To rotate, add a new key first (see below).`;
  }
  return null;
}

function Header({ status }: { status: EncryptionStatus }) {
  const source = sourceText(status);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Encryption at rest</h1>
        <p className={`mt-1 ${muted}`}>
          Each secret version is encrypted with its own data key; the keys below wrap those data keys. The primary key wraps new ones.
        </p>
      </div>
      <section aria-label="Key source" className={`${card} grid gap-4 sm:grid-cols-2`}>
        <div>
          <div className="flex items-center gap-2 text-sm font-medium text-zinc-500 dark:text-zinc-400">
            <KeyRound aria-hidden className="size-4" />
            Key source
          </div>
          <div className="mt-2 text-lg font-semibold tracking-tight" data-testid="key-source">
            {source.title}
          </div>
          <p className={`mt-1 break-all ${muted}`}>{source.detail}</p>
        </div>
        <div>
          <div className="text-sm font-medium text-zinc-500 dark:text-zinc-400">Primary key</div>
          <div className="mt-2 font-mono text-lg font-semibold" data-testid="primary-key">
            {status.primary}
          </div>
        </div>
      </section>
    </div>
  );
}

export default async function EncryptionPage() {
  const actor = await requireActor();
  let status: EncryptionStatus;
  try {
    status = await getEncryptionStatus(actor);
  } catch (error) {
    // Refused: the console's forbidden page, answered with HTTP 403.
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  const job = status.job;
  const active = job !== null && (job.state === "queued" || job.state === "running");
  const noSecrets = status.keys.every((k) => k.versions === 0);
  return (
    <div className="space-y-8">
      <Header status={status} />
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold tracking-tight">
          Keys
        </h2>
        <KeyTable keys={status.keys} />
      </section>
      <section aria-labelledby="rewrap-heading" className="space-y-3">
        <h2 id="rewrap-heading" className="text-lg font-semibold tracking-tight">
          Re-wrap
        </h2>
        {noSecrets && !job ? (
          <div className={`${card} text-center`} data-testid="encryption-empty">
            <p className="font-medium">No secrets yet</p>
            <p className={`mt-1 ${muted}`}>
              Nothing is encrypted so far. Secrets you create will have their data keys wrapped by “{status.primary}”; there is nothing to
              re-wrap.
            </p>
          </div>
        ) : (
          <div className={`${card} space-y-5`}>
            {job ? <RewrapProgress job={job} /> : <p className={muted}>No re-wrap has run on this instance yet.</p>}
            <RewrapControls
              startAction={startRewrapAction}
              cancelAction={cancelRewrapAction}
              disabledReason={startBlocker(status, active)}
              active={active}
            />
          </div>
        )}
        <div className={card}>
          <InstanceApprovalPolicy actor={actor} />
        </div>
      </section>
      <section aria-labelledby="rotation-heading" className={`${card} space-y-3`}>
        <h2 id="rotation-heading" className="text-lg font-semibold tracking-tight">
          Rotating the key
        </h2>
        <RotationSteps />
      </section>
      {active ? <AutoRefresh /> : null}
    </div>
  );
}
