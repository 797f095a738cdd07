// The audit trail: events, export, charts, verification, and the
// transparency log's checkpoints and proofs.
import { z } from "zod";
import {
  auditPageSchema,
  auditStatsSchema,
  auditVerificationSchema,
  checkpointSchema,
  consistencyProofSchema,
  inclusionProofSchema,
  logReportSchema,
  publicKeySchema,
} from "../../audit/audit-dto.schema";
import { auditFilterSchema } from "../../audit/audit-filters";
import { pageSchema } from "../../audit/list-audit-events";
import { consistencyInput, inclusionInput } from "../../audit/log/proofs";
import { jobSchema } from "../../jobs/job-dto.schema";
import { answer, component, pathParameter, queryOf, type Operation } from "../operation";

const filters = queryOf(auditFilterSchema);

// The route reads these two fields by hand: `wait` must be exactly true.
const verifyRequest = z.object({
  wait: z.boolean().optional().meta({ description: "verify in this request and answer the report" }),
  checkpoint: z
    .string()
    .optional()
    .meta({ description: "a checkpoint kept outside (signed note or checkpoint-file text) to compare with instead of the server's file" }),
});

export const auditOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/audit",
    auth: "bearer",
    summary: "Audit events, newest first, keyset-paginated (audit:read)",
    parameters: [...filters, ...queryOf(pageSchema)],
    responses: { 200: answer("a page of events", component("AuditPage", auditPageSchema)) },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/audit/export",
    auth: "bearer",
    summary: "Stream every matching event as CSV or JSONL, oldest first (audit:export; audited)",
    parameters: [...filters, { name: "format", in: "query", schema: { enum: ["csv", "jsonl"] } }],
    responses: { 200: { description: "text/csv or application/x-ndjson" } },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/audit/stats",
    auth: "bearer",
    summary: "Chart data: events per day by outcome, most-read secrets, denials by actor",
    parameters: filters,
    responses: { 200: answer("stats", component("AuditStats", auditStatsSchema)) },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/audit/verify",
    auth: "bearer",
    summary: "The latest background verification and its report",
    responses: { 200: answer("job and report", component("AuditVerification", z.object({ verification: auditVerificationSchema }))) },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/audit/verify",
    auth: "bearer",
    summary:
      'Verify the log against its Merkle tree and the newest checkpoint held outside the database: `{"wait":true}` in this request, else as a background job (202)',
    body: component("AuditVerify", verifyRequest),
    responses: {
      200: answer("the report", component("LogReport", logReportSchema)),
      202: answer("job queued", component("AuditVerifyJob", z.object({ job: jobSchema }))),
    },
    errors: [400, 401, 403, 409],
  },
  {
    method: "get",
    path: "/api/v1/audit/checkpoints/latest",
    auth: "bearer",
    summary: "The newest signed checkpoint (tree size, root, time), null before the first sealing (audit:read)",
    responses: { 200: answer("the checkpoint", component("LatestCheckpoint", z.object({ checkpoint: checkpointSchema.nullable() }))) },
    errors: [401, 403],
  },
  {
    method: "get",
    path: "/api/v1/audit/checkpoints/consistency",
    auth: "bearer",
    summary: "RFC 9162 consistency proof: the tree of `to` leaves extends the tree of `from` (audit:read)",
    parameters: queryOf(consistencyInput),
    responses: { 200: answer("the proof", component("ConsistencyProof", consistencyProofSchema)) },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/audit/events/{seq}/proof",
    auth: "bearer",
    summary: "RFC 9162 inclusion proof of one sealed event in the tree of `size` leaves (default: the newest checkpoint) (audit:read)",
    // zod checks `seq` with a refinement JSON Schema cannot carry; the pattern says the same.
    parameters: [pathParameter("seq", { type: "string", pattern: "^\\d{1,19}$" }), ...queryOf(inclusionInput, ["size"])],
    responses: { 200: answer("the proof", component("InclusionProof", inclusionProofSchema)) },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/audit/public-key",
    auth: "bearer",
    summary: "The Ed25519 public key that signs checkpoints (audit:read)",
    responses: { 200: answer("the key", component("AuditPublicKey", publicKeySchema)) },
    errors: [401, 403],
  },
];
