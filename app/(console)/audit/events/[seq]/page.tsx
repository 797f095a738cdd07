import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { EventDetail } from "@/features/audit/components/event-detail";
import { InclusionProof } from "@/features/audit/components/inclusion-proof";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { inclusionProofFor, type InclusionProofDto } from "@/lib/audit/log/proofs";
import { requireActor } from "@/lib/auth/current-actor";
import { NotFound } from "@/lib/errors";
import { INT8_MAX } from "@/lib/input/parse-input";
import { PermissionDenied } from "@/lib/rbac/authorize";
import { heldPermissions } from "@/lib/rbac/held-permissions";

type Props = { params: Promise<{ seq: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Audit event #${(await params).seq}` };
}

/** The event with this seq, or null: the list's keyset page of one, just before seq + 1. */
async function loadEvent(actor: Awaited<ReturnType<typeof requireActor>>, seq: string) {
  if (!/^\d{1,19}$/.test(seq) || BigInt(seq) >= INT8_MAX) return null;
  const page = await listAuditEvents(actor, {}, { cursor: (BigInt(seq) + 1n).toString(), limit: 1 });
  const event = page.events[0];
  return event?.seq === seq ? event : null;
}

/** Its proof in the newest signed tree; null while it is not sealed. */
async function loadProof(actor: Awaited<ReturnType<typeof requireActor>>, seq: string): Promise<InclusionProofDto | null> {
  try {
    return await inclusionProofFor(actor, { seq });
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

export default async function AuditEventPage({ params }: Props) {
  const actor = await requireActor();
  // Refused: the console's forbidden page, answered with HTTP 403.
  if (!(await heldPermissions(actor)).has("audit:read")) forbidden();
  const { seq } = await params;
  let event;
  let proof;
  try {
    event = await loadEvent(actor, seq);
    proof = event ? await loadProof(actor, seq) : null;
  } catch (error) {
    if (error instanceof PermissionDenied) forbidden();
    throw error;
  }
  if (!event) notFound();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <Link
          href="/audit"
          className="inline-flex items-center gap-1 text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
        >
          <ArrowLeft aria-hidden className="size-4" />
          Audit log
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Event #{event.seq}</h1>
        <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">{event.action}</p>
      </div>
      <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <EventDetail event={event} leaf={proof ? { leafIndex: proof.leafIndex, leafHash: proof.leafHash } : null} />
      </div>
      {proof ? <InclusionProof proof={proof} /> : null}
    </div>
  );
}
