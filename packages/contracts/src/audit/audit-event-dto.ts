// An audit event as /api/v1/audit lists it and as an export (JSONL) or an
// archive holds it, one per line: what the offline verifier re-hashes.
import type { Json } from "./canonical";

export type AuditEventDto = {
  seq: string;
  time: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  resource: { type: string | null; id: string | null; name: string | null };
  namespace: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Json;
  /** The old hash chain, for events written before the transparency log; null after. */
  prevHash: string | null;
  hash: string | null;
  /** The event's leaf in the Merkle tree; null until the sequencer seals it (within about a second). */
  leafIndex: number | null;
  /** Base64 of the stored leaf hash, SHA-256(0x00 ‖ canonical event): what an offline verifier checks the event against. */
  leafHash: string | null;
};
