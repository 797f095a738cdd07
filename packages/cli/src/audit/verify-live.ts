// `coffer audit verify --checkpoint FILE`: the live log checked on this
// machine against a checkpoint kept outside the server (its checkpoint
// file, a witness's copy). Both checkpoints' signatures and the RFC 9162
// consistency proof between them are verified here, so a server that lies
// about its own tree is caught without trusting its verdict.
import type { CheckpointDto, ConsistencyProofDto } from "../../../contracts/src/audit/proof-dto";
import { readCheckpointRecords } from "../../../contracts/src/audit/checkpoint-records";
import { CheckpointError, verifyCheckpoint, type Checkpoint } from "../../../contracts/src/transparency/checkpoint";
import { emptyRoot, verifyConsistency } from "../../../contracts/src/transparency/merkle";
import type { ApiClient } from "../api-client";
import { CliError } from "../errors";

export type LiveCheck = { rows: [string, string][]; problem: string | null };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const describe = (c: Checkpoint) =>
  `${c.size} ${c.size === 1 ? "event" : "events"}, root ${b64(c.rootHash)}, signed ${c.time.toISOString()}`;

/** The newest checkpoint in a checkpoint file (JSON lines) or a file holding one signed note. */
export function newestNote(text: string, file: string): string {
  const { records, bareNote } = readCheckpointRecords(text);
  if (bareNote !== null) return bareNote;
  if (!records.length) throw new CliError(`${file} holds no checkpoint (a signed note, or the server's audit-checkpoints.jsonl)`);
  // The largest tree is the newest; of two of one size, the later line.
  return records.reduce((best, r) => (Number(r.size) >= Number(best.size) ? r : best)).note;
}

function signed(note: string, publicKey: string, what: string): Checkpoint | string {
  try {
    return verifyCheckpoint(note, publicKey);
  } catch (error) {
    if (error instanceof CheckpointError)
      return `${what} is not signed by the log's public key (${error.message}): it is forged, or from another log`;
    throw error;
  }
}

export async function checkLiveLog(client: ApiClient, input: { note: string; file: string; publicKey: string }): Promise<LiveCheck> {
  const rows: [string, string][] = [];
  const outside = signed(input.note, input.publicKey, `the checkpoint in ${input.file}`);
  if (typeof outside === "string") return { rows, problem: outside };
  rows.push(["Checkpoint file:", `${input.file}: ${describe(outside)}`]);

  const { checkpoint } = await client.request<{ checkpoint: CheckpointDto | null }>("GET", "/api/v1/audit/checkpoints/latest");
  if (!checkpoint)
    return {
      rows,
      problem: `the server has no checkpoint at all, but ${input.file} holds one of ${outside.size} events: the log was deleted`,
    };
  const latest = signed(checkpoint.note, input.publicKey, "the server's newest checkpoint");
  if (typeof latest === "string") return { rows, problem: latest };
  if (latest.origin !== outside.origin)
    return { rows, problem: `the server's log is "${latest.origin}", the checkpoint file's is "${outside.origin}"` };
  rows.push(["Server's tree:", describe(latest)]);

  if (latest.size < outside.size) {
    return {
      rows,
      problem: `the server's tree has ${latest.size} events, fewer than the ${outside.size} of ${input.file}: events were deleted`,
    };
  }
  if (latest.size === outside.size) {
    if (latest.rootHash.equals(outside.rootHash)) return { rows, problem: null };
    return { rows, problem: `the server's tree of ${latest.size} events has another root than ${input.file}: history was rewritten` };
  }
  // Every tree extends the empty one; RFC 9162 has no proof for it.
  if (outside.size === 0 && outside.rootHash.equals(emptyRoot())) return { rows, problem: null };
  const answer = await client.request<ConsistencyProofDto>("GET", "/api/v1/audit/checkpoints/consistency", {
    query: [
      ["from", String(outside.size)],
      ["to", String(latest.size)],
    ],
  });
  const proof = answer.proof.map((hash) => Buffer.from(hash, "base64"));
  if (!verifyConsistency(outside.size, latest.size, outside.rootHash, latest.rootHash, proof)) {
    return {
      rows,
      problem: `the server's tree of ${latest.size} events does not extend the ${outside.size} of ${input.file} (the consistency proof fails): history was rewritten`,
    };
  }
  rows.push(["Consistency:", `proof from ${outside.size} to ${latest.size} events verified`]);
  return { rows, problem: null };
}
