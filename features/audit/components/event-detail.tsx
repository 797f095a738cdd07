"use client";

import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { exactTime } from "@/components/ui/exact-time";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AuditEventDto } from "@/lib/audit/audit-event-dto";
import { auditEventHref } from "./audit-hrefs";
import { noValue } from "@/components/ui/data-table";
import { actorText, OutcomeBadge } from "./event-parts";

/** Where the event sits in the Merkle tree; null when it is not sealed yet. */
export type EventLeaf = { leafIndex: number; leafHash: string } | null;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

/** A value in monospace with its copy button, or a noValue. */
function Code({ value, label, testId }: { value: string | null; label: string; testId?: string }) {
  if (!value) return noValue;
  return (
    <span className="flex items-start gap-1">
      <code data-testid={testId} className="min-w-0 break-all font-mono text-xs leading-6">
        {value}
      </code>
      <CopyButton text={value} label={`Copy ${label}`} />
    </span>
  );
}

const box = "space-y-2 rounded-lg bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800";
const boxTitle = "text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400";

function HashRow({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-300">{label}</dt>
      <dd>
        <Code value={value} label={label.toLowerCase()} testId={testId} />
      </dd>
    </div>
  );
}

/** The event's leaf: known on its page; in the list's dialog, a link to that page. */
function LeafSection({ seq, leaf }: { seq: string; leaf: EventLeaf | undefined }) {
  return (
    <section aria-label="Transparency log" className={box}>
      <h3 className={boxTitle}>Transparency log</h3>
      {leaf === undefined ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-300">
          <Link href={auditEventHref(seq)} className="font-semibold text-indigo-600 underline dark:text-indigo-400">
            Open the event&apos;s page
          </Link>{" "}
          for its leaf in the signed tree and its inclusion proof.
        </p>
      ) : leaf === null ? (
        <p data-testid="event-leaf-unsealed" className="text-sm text-zinc-600 dark:text-zinc-300">
          Not sealed yet: events are sealed into the tree within a second of being written.
        </p>
      ) : (
        <>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">leaf hash = SHA-256(0x00 ‖ canonical JSON of this event)</p>
          <dl className="space-y-2">
            <HashRow label="Leaf index" value={String(leaf.leafIndex)} testId="event-leaf-index" />
            <HashRow label="Leaf hash" value={leaf.leafHash} testId="event-leaf-hash" />
          </dl>
        </>
      )}
    </section>
  );
}

/** The old hash chain, shown only on events written before the transparency log. */
function LegacyChain({ event }: { event: AuditEventDto }) {
  if (!event.prevHash && !event.hash) return null;
  return (
    <section aria-label="Hash chain" className={box}>
      <h3 className={boxTitle}>Hash chain (before the transparency log)</h3>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">hash = SHA-256(previous hash ‖ canonical JSON of this event)</p>
      <dl className="space-y-2">
        <HashRow label="Previous hash" value={event.prevHash} testId="event-prev-hash" />
        <HashRow label="Hash" value={event.hash} testId="event-hash" />
      </dl>
    </section>
  );
}

/**
 * Every field of one event, as recorded: what an investigation needs to
 * quote. `leaf` is given on the event's own page (null: not sealed yet).
 */
export function EventDetail({ event, leaf }: { event: AuditEventDto; leaf?: EventLeaf }) {
  const { actor, resource } = event;
  return (
    <div className="space-y-5" data-testid="event-detail">
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="Sequence">
          <Code value={event.seq} label="sequence id" testId="event-seq" />
        </Row>
        <Row label="Time">
          <span className="font-mono text-xs" data-testid="event-time">
            {exactTime(event.time)}
          </span>{" "}
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            (<RelativeTime iso={event.time} />)
          </span>
        </Row>
        <Row label="Actor">
          <div className="space-y-0.5">
            <div>
              <span className="font-medium">{actorText(actor)}</span>
              <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{actor.type}</span>
            </div>
            {actor.id ? <Code value={actor.id} label="actor id" /> : null}
          </div>
        </Row>
        <Row label="Action">
          <code className="font-mono text-xs" data-testid="event-action">
            {event.action}
          </code>
        </Row>
        <Row label="Resource">
          {resource.type || resource.name || resource.id ? (
            <div className="space-y-0.5">
              <div>
                {resource.type ? <span className="text-xs text-zinc-500 dark:text-zinc-400">{resource.type} </span> : null}
                <span className="font-medium" data-testid="event-resource-name">
                  {resource.name ?? ""}
                </span>
              </div>
              {resource.id ? <Code value={resource.id} label="resource id" /> : null}
            </div>
          ) : (
            noValue
          )}
        </Row>
        <Row label="Namespace">{event.namespace ?? noValue}</Row>
        <Row label="Outcome">
          <OutcomeBadge outcome={event.outcome} />
        </Row>
        <Row label="IP">{event.ip ? <code className="font-mono text-xs">{event.ip}</code> : noValue}</Row>
        <Row label="User agent">{event.userAgent ? <span className="break-all text-xs">{event.userAgent}</span> : noValue}</Row>
        <Row label="Request ID">
          <Code value={event.requestId} label="request id" />
        </Row>
      </dl>
      <section aria-label="Details" className="space-y-1.5">
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Details</h3>
        <pre
          data-testid="event-details"
          className="max-h-60 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:text-zinc-200 dark:ring-zinc-800"
        >
          {JSON.stringify(event.details ?? {}, null, 2)}
        </pre>
      </section>
      <LeafSection seq={event.seq} leaf={leaf} />
      <LegacyChain event={event} />
    </div>
  );
}
