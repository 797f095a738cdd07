import { Stamp } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { exactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CheckpointDto, PublicKeyDto } from "@/lib/audit/log/proofs";
import { Disclosure } from "./disclosure";

/** A hash too long for a row, shortened in the middle; the copy button and the title carry all of it. */
export function ShortHash({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const short = value.length > 20 ? `${value.slice(0, 10)}…${value.slice(-8)}` : value;
  return (
    <span className="inline-flex items-center gap-1">
      <code data-testid={testId} data-value={value} title={value} className="font-mono text-xs">
        <span aria-hidden>{short}</span>
        <span className="sr-only">{value}</span>
      </code>
      <CopyButton text={value} label={`Copy ${label}`} />
    </span>
  );
}

const block = "min-w-0 overflow-x-auto rounded p-2 font-mono text-xs ring-1 ring-inset ring-zinc-200 dark:ring-zinc-800";

/** A value to keep outside Coffer, shown whole (`shown`, when that differs from what is copied) with its copy button beside it. */
function Copyable({
  as: Tag,
  text,
  shown = text,
  label,
  testId,
  className,
}: {
  as: "pre" | "code";
  text: string;
  shown?: string;
  label: string;
  testId: string;
  className: string;
}) {
  return (
    <div className="flex items-start gap-1">
      <Tag data-testid={testId} className={className}>
        {shown}
      </Tag>
      <CopyButton text={text} label={label} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

/** The newest signed checkpoint: what every verification and proof is checked against. */
export function TreeHead({ checkpoint }: { checkpoint: CheckpointDto | null }) {
  if (!checkpoint) {
    return (
      <p
        data-testid="tree-head-empty"
        className="flex items-center gap-2 rounded-lg bg-zinc-50 p-3 text-sm text-zinc-600 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-300 dark:ring-zinc-800"
      >
        <Stamp aria-hidden className="size-4 shrink-0 text-zinc-400" />
        No checkpoint yet: events are sealed within a second of being written.
      </p>
    );
  }
  return (
    <section
      aria-labelledby="tree-head-heading"
      data-testid="tree-head"
      className="rounded-lg bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800"
    >
      <h3
        id="tree-head-heading"
        className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-300"
      >
        <Stamp aria-hidden className="size-3.5" />
        Signed tree head
      </h3>
      <dl className="mt-2 grid gap-3 sm:grid-cols-4">
        <Fact label="Tree size">
          <span data-testid="tree-size" className="tabular-nums">
            {checkpoint.size.toLocaleString("en-US")} {checkpoint.size === 1 ? "event" : "events"}
          </span>
        </Fact>
        <Fact label="Root hash">
          <ShortHash value={checkpoint.rootHash} label="root hash" testId="tree-root" />
        </Fact>
        <Fact label="Signed">
          <RelativeTime iso={checkpoint.time} /> <span className="sr-only">({exactTime(checkpoint.time)})</span>
        </Fact>
        <Fact label="Key ID">
          <code data-testid="tree-key-id" className="font-mono text-xs">
            {checkpoint.keyId}
          </code>
        </Fact>
      </dl>
      <Disclosure label="Signed note" className="mt-3">
        <Copyable
          as="pre"
          text={checkpoint.note}
          label="Copy signed note"
          testId="tree-note"
          className={`${block} bg-white dark:bg-zinc-900`}
        />
      </Disclosure>
    </section>
  );
}

/** The key checkpoints are signed with, to keep outside Coffer for `coffer audit verify --public-key`. */
export function PublicKey({ publicKey }: { publicKey: PublicKeyDto }) {
  return (
    <Disclosure
      label="Public key"
      hint={
        <>
          Ed25519, key ID <code className="font-mono">{publicKey.keyId}</code>
        </>
      }
      className="rounded-lg p-3 ring-1 ring-inset ring-zinc-200 dark:ring-zinc-800"
    >
      <div data-testid="public-key" className="space-y-3">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Keep a copy outside Coffer: with it, anyone can check a checkpoint or an export offline (
          <code className="font-mono">coffer audit verify --export FILE --checkpoint FILE --public-key FILE</code>).
        </p>
        <Copyable
          as="pre"
          text={publicKey.publicKeyPem}
          shown={publicKey.publicKeyPem.trim()}
          label="Copy public key"
          testId="public-key-pem"
          className={`${block} bg-zinc-50 dark:bg-zinc-950`}
        />
        <div>
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-300">Verifier key (signed-note tools and witnesses)</p>
          <Copyable
            as="code"
            text={publicKey.verifierKey}
            label="Copy verifier key"
            testId="verifier-key"
            className="min-w-0 break-all font-mono text-xs leading-6"
          />
        </div>
      </div>
    </Disclosure>
  );
}
