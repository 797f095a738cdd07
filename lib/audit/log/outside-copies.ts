// Every checkpoint also goes where a database superuser cannot reach it: a
// file beside the data (one JSON line each), the log (one line), and, with
// COFFER_AUDIT_WITNESS_URL, a POST to a witness on another machine.
// Verification compares the database with the newest of these copies.
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { config } from "../../config/env";
import { log } from "../../log/logger";
import type { SealedCheckpoint } from "./seal";
import { CHECKPOINT_FILE, readCheckpointRecords, type CheckpointRecord } from "../../../packages/contracts/src/audit/checkpoint-records";

const WITNESS_TIMEOUT_MS = 2_000;

// The file's line format, shared with `coffer audit verify --checkpoint`.
export { CHECKPOINT_FILE, readCheckpointRecords, type CheckpointRecord };

export function checkpointFile(): string {
  return join(dirname(config().dataDir), CHECKPOINT_FILE);
}

export function checkpointRecord(checkpoint: SealedCheckpoint): CheckpointRecord {
  return {
    origin: checkpoint.origin,
    size: checkpoint.size,
    rootHash: Buffer.from(checkpoint.rootHash).toString("base64"),
    time: checkpoint.time.toISOString(),
    lastSeq: checkpoint.lastSeq.toString(),
    keyId: checkpoint.keyId,
    note: checkpoint.note,
  };
}

let witnessFailing = false;

async function postToWitness(url: string, record: CheckpointRecord): Promise<void> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    if (witnessFailing) log.info({ witness: url, size: record.size }, "audit witness: reachable again");
    witnessFailing = false;
  } catch (error) {
    // One line per outage, not one per checkpoint.
    if (!witnessFailing) log.warn({ witness: url, problem: (error as Error).message }, "audit witness: checkpoint not delivered");
    witnessFailing = true;
  }
}

/** Writes the copies; a failure is logged and never undoes the sealing (the database holds it). */
export async function writeOutsideCopies(checkpoint: SealedCheckpoint): Promise<void> {
  const record = checkpointRecord(checkpoint);
  try {
    const file = checkpointFile();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  } catch (error) {
    log.error({ problem: (error as Error).message }, "audit checkpoint: cannot append to the checkpoint file");
  }
  log.info(
    { auditCheckpoint: { size: record.size, rootHash: record.rootHash, time: record.time, keyId: record.keyId } },
    "audit checkpoint",
  );
  const witness = config().COFFER_AUDIT_WITNESS_URL;
  if (witness) await postToWitness(witness, record);
}

/** This node's checkpoint file, or null when it has none yet. */
export function readLocalCheckpoints(): CheckpointRecord[] | null {
  let text: string;
  try {
    text = readFileSync(checkpointFile(), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return readCheckpointRecords(text).records;
}
