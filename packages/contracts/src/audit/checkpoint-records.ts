// The checkpoint file (audit-checkpoints.jsonl) the server appends a line to
// for every checkpoint, and a witness keeps too: the format
// `coffer audit verify --checkpoint FILE` reads.

export const CHECKPOINT_FILE = "audit-checkpoints.jsonl";

/** One line of the checkpoint file, and the body posted to the witness. */
export type CheckpointRecord = {
  origin: string;
  size: number;
  rootHash: string;
  time: string;
  lastSeq: string;
  keyId: string;
  note: string;
};

/**
 * The checkpoint records in a file of them (the checkpoint file, or one a
 * witness kept), oldest first. A file holding one bare signed note is read
 * as that one checkpoint. Lines that do not parse are skipped: a torn last
 * line after a crash must not hide the ones before it.
 */
export function readCheckpointRecords(text: string): { records: CheckpointRecord[]; bareNote: string | null } {
  if (!text.trimStart().startsWith("{")) return { records: [], bareNote: text.trim() ? text : null };
  const records: CheckpointRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<CheckpointRecord>;
      if (typeof value.note === "string") records.push(value as CheckpointRecord);
    } catch {
      continue;
    }
  }
  return { records, bareNote: null };
}
