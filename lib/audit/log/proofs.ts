// Reads of the transparency log for people and clients: the newest signed
// checkpoint, the public key, and RFC 9162 inclusion and consistency
// proofs checked against signed checkpoints. All need audit:read.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import type { Tx } from "../../db/client";
import { BadRequest, NotFound } from "../../errors";
import { INT8_MAX, parseInput, wholeNumber } from "../../input/parse-input";
import { authorize } from "../../rbac/authorize";
import { auditedRead } from "../audited";
import type { CheckpointDto, ConsistencyProofDto, InclusionProofDto, PublicKeyDto } from "../../../packages/contracts/src/audit/proof-dto";
import { consistencyProofRanges, inclusionProofRanges } from "../../../packages/contracts/src/transparency/merkle";
import { rangeHashes } from "./tree-reader";
import { auditOrigin, signingKey } from "./signing-key";

// The answers' shapes are the contract the CLI reads too: one definition, in packages/contracts.
export type { CheckpointDto, ConsistencyProofDto, InclusionProofDto, PublicKeyDto } from "../../../packages/contracts/src/audit/proof-dto";

type CheckpointRow = { size: bigint; rootHash: Uint8Array; time: Date; keyId: string; lastSeq: bigint; note: string };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function toCheckpointDto(row: CheckpointRow): CheckpointDto {
  return {
    size: Number(row.size),
    rootHash: b64(row.rootHash),
    time: row.time.toISOString(),
    keyId: row.keyId,
    lastSeq: row.lastSeq.toString(),
    note: row.note,
  };
}

async function newestCheckpoint(tx: Tx): Promise<CheckpointRow | null> {
  return tx.auditCheckpoint.findFirst({ orderBy: { size: "desc" } });
}

async function checkpointOfSize(tx: Tx, size: number): Promise<CheckpointDto | null> {
  const row = await tx.auditCheckpoint.findUnique({ where: { size: BigInt(size) } });
  return row ? toCheckpointDto(row) : null;
}

function readLog<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return auditedRead(actor, "audit.list", async (tx) => {
    await authorize(tx, actor, "audit:read");
    return work(tx);
  });
}

/** A tree size the log has reached: `field` names it in the refusal. */
function checkSize(size: number, latest: number, field: string): void {
  if (size > latest) throw new BadRequest(`${field} must be at most ${latest}, the size of the newest checkpoint`, { field });
}

export async function latestCheckpoint(actor: Actor): Promise<CheckpointDto | null> {
  return readLog(actor, async (tx) => {
    const row = await newestCheckpoint(tx);
    return row ? toCheckpointDto(row) : null;
  });
}

export async function auditPublicKey(actor: Actor): Promise<PublicKeyDto> {
  return readLog(actor, async () => {
    const key = signingKey();
    return {
      origin: auditOrigin(),
      keyId: key.keyId,
      publicKeyPem: key.publicKeyPem,
      publicKey: key.publicKeyBase64,
      verifierKey: key.verifierKey,
    };
  });
}

const SIZE_MAX = Number.MAX_SAFE_INTEGER;
export const inclusionInput = z.object({
  seq: z
    .string()
    .refine((value) => /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX, "seq must be an event's sequence number")
    .transform(BigInt),
  size: wholeNumber("size", 1, SIZE_MAX).optional(),
});
export const consistencyInput = z.object({ from: wholeNumber("from", 0, SIZE_MAX), to: wholeNumber("to", 1, SIZE_MAX) });

/** PATH(leaf of `seq`, tree of `size` leaves); `size` defaults to the newest checkpoint's. */
export async function inclusionProofFor(actor: Actor, input: { seq: string; size?: string | number }): Promise<InclusionProofDto> {
  const { seq, size } = parseInput(inclusionInput, input);
  return readLog(actor, async (tx) => {
    const leaf = await tx.auditLeaf.findUnique({ where: { seq } });
    const newest = await newestCheckpoint(tx);
    if (!leaf || !newest) throw new NotFound(`event ${seq} is not in the log or not sealed yet (events are sealed within about a second)`);
    const latest = Number(newest.size);
    const treeSize = size ?? latest;
    checkSize(treeSize, latest, "size");
    const leafIndex = Number(leaf.leafIndex);
    if (treeSize <= leafIndex) throw new BadRequest(`size must be greater than ${leafIndex}, the event's leaf index`, { field: "size" });
    const proof = await rangeHashes(tx, inclusionProofRanges(leafIndex, treeSize));
    return {
      seq: seq.toString(),
      leafIndex,
      leafHash: b64(leaf.hash),
      treeSize,
      proof: proof.map(b64),
      checkpoint: treeSize === latest ? toCheckpointDto(newest) : await checkpointOfSize(tx, treeSize),
    };
  });
}

/** PROOF(from, tree of `to` leaves): that the tree of `to` leaves extends the one of `from`. */
export async function consistencyProofFor(
  actor: Actor,
  input: { from?: string | number; to?: string | number },
): Promise<ConsistencyProofDto> {
  const { from, to } = parseInput(consistencyInput, input);
  return readLog(actor, async (tx) => {
    const newest = await newestCheckpoint(tx);
    const latest = newest ? Number(newest.size) : 0;
    checkSize(to, latest, "to");
    if (from > to) throw new BadRequest("from must be at most to", { field: "from" });
    // RFC 9162 has no proof from the empty tree (every tree extends it) nor between equal sizes: both are empty.
    const proof = from === 0 || from === to ? [] : await rangeHashes(tx, consistencyProofRanges(from, to));
    return {
      from,
      to,
      proof: proof.map(b64),
      fromCheckpoint: from === 0 ? null : await checkpointOfSize(tx, from),
      toCheckpoint: await checkpointOfSize(tx, to),
    };
  });
}
