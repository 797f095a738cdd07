// The audit trail's public shapes as zod schemas, for the OpenAPI document:
// events and pages, chart data, the transparency log's checkpoints, proofs
// and verification reports. Each must describe its DTO type exactly
// (checked at the bottom).
import { z } from "zod";
import type { Json } from "../../packages/contracts/src/audit/canonical";
import type { LogReport } from "../../packages/contracts/src/audit/log-report";
import { jobSchema } from "../jobs/job-dto.schema";
import type { Agree, Same } from "../openapi/type-agreement";
import type { AuditEventDto } from "./audit-event-dto";
import type { AuditStats } from "./audit-stats";
import type { CheckpointDto, ConsistencyProofDto, InclusionProofDto, PublicKeyDto } from "./log/proofs";
import type { AuditPage } from "./list-audit-events";
import type { latestAuditVerify } from "./verify-job";

const time = z.iso.datetime();
const base64 = z.string().meta({ contentEncoding: "base64" });
const nullableText = z.string().nullable();

export const auditEventSchema = z.object({
  seq: z.string(),
  time,
  actor: z.object({ type: z.string(), id: nullableText, label: nullableText }),
  action: z.string(),
  resource: z.object({ type: nullableText, id: nullableText, name: nullableText }),
  namespace: nullableText,
  outcome: z.string().meta({ description: "success, denied or error" }),
  ip: nullableText,
  userAgent: nullableText,
  requestId: nullableText,
  details: z.custom<Json>().meta({ description: "what the action recorded; its fields depend on the action" }),
  prevHash: nullableText.meta({ description: "the hash chain of events written before the transparency log; null after" }),
  hash: nullableText,
  leafIndex: z.number().int().nullable().meta({ description: "position in the Merkle tree; null until sealed (within about a second)" }),
  leafHash: base64.nullable().meta({ description: "base64 of SHA-256(0x00 ‖ canonical event)" }),
});

export const auditPageSchema = z.object({ events: z.array(auditEventSchema), nextCursor: nullableText, newestSeq: nullableText });

export const auditStatsSchema = z.object({
  perDay: z.array(z.object({ day: z.string(), success: z.number().int(), denied: z.number().int(), error: z.number().int() })),
  mostRead: z.array(z.object({ secret: z.string(), namespace: nullableText, reads: z.number().int() })),
  deniedByActor: z.array(z.object({ actor: z.string(), denied: z.number().int() })),
});

export const checkpointSchema = z
  .object({ size: z.number().int(), rootHash: base64, time, keyId: z.string(), lastSeq: z.string(), note: z.string() })
  .meta({ description: "a signed tree head: the C2SP signed note in `note`, its fields beside it" });

export const publicKeySchema = z.object({
  origin: z.string(),
  keyId: z.string(),
  publicKeyPem: z.string(),
  publicKey: base64.meta({ description: "raw 32-byte Ed25519 key" }),
  verifierKey: z.string().meta({ description: "<name>+<key id>+<key>, for signed-note tools" }),
});

export const inclusionProofSchema = z.object({
  seq: z.string(),
  leafIndex: z.number().int(),
  leafHash: base64,
  treeSize: z.number().int(),
  proof: z.array(base64),
  checkpoint: checkpointSchema.nullable(),
});

export const consistencyProofSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(base64),
  fromCheckpoint: checkpointSchema.nullable(),
  toCheckpoint: checkpointSchema.nullable(),
});

const treeHead = z.object({ size: z.number().int(), rootHash: base64, time, keyId: z.string() });

export const logReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  archived: z.number().int(),
  unsealed: z.number().int(),
  head: treeHead.nullable(),
  outside: treeHead.extend({ source: z.enum(["file", "given"]) }).nullable(),
  problem: z
    .object({
      code: z.enum(["bad-signature", "deleted", "missing-event", "edited", "rewritten"]),
      message: z.string(),
      firstBadSeq: z.string().optional(),
      range: z.object({ afterSeq: nullableText, throughSeq: z.string() }).optional(),
    })
    .nullable(),
});

/** What a verification job stored before the transparency log (its hash-chain walk). */
const legacyChainReport = z.union([
  z.object({ ok: z.literal(true), count: z.number().int(), lastSeq: nullableText }),
  z.object({ ok: z.literal(false), count: z.number().int(), badSeq: z.string(), reason: z.string() }),
]);

export const auditVerificationSchema = jobSchema.extend({ report: z.union([logReportSchema, legacyChainReport]).nullable() }).nullable();

export type AuditSchemasAgree = Agree<
  [
    Same<z.output<typeof auditEventSchema>, AuditEventDto>,
    Same<z.output<typeof auditPageSchema>, AuditPage>,
    Same<z.output<typeof auditStatsSchema>, AuditStats>,
    Same<z.output<typeof checkpointSchema>, CheckpointDto>,
    Same<z.output<typeof publicKeySchema>, PublicKeyDto>,
    Same<z.output<typeof inclusionProofSchema>, InclusionProofDto>,
    Same<z.output<typeof consistencyProofSchema>, ConsistencyProofDto>,
    Same<z.output<typeof logReportSchema>, LogReport>,
    Same<z.output<typeof auditVerificationSchema>, Awaited<ReturnType<typeof latestAuditVerify>>>,
  ]
>;
