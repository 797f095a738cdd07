// `coffer audit verify --export FILE --checkpoint FILE --public-key FILE`:
// an export (archives first, then the export, concatenated) checked
// against a signed checkpoint with nothing but the public key. No server,
// no database: what an auditor runs on their own machine.
//
// 1. The checkpoint's signature must verify (a forged one is refused).
// 2. Every line must be an event exactly as the server wrote it, hashing
//    to the leaf hash it carries: the first that does not is named.
// 3. The sealed events, in sequence order, must be leaves 0..N-1 of the
//    checkpoint's tree of N, and their leaf hashes must give its signed root
//    (a rewrite that re-hashed events and leaves alike fails only here; the
//    other checkpoints of a checkpoint file narrow down where).
import { createPublicKey } from "node:crypto";
import { CheckpointError, verifyCheckpoint, type Checkpoint } from "../../../contracts/src/transparency/checkpoint";
import { Frontier } from "../../../contracts/src/transparency/frontier";
import { rootOf } from "../../../contracts/src/transparency/merkle";
import { decodeBase64, noteKeyId, parseVerifierKey, publicKeyFromRaw, rawPublicKey } from "../../../contracts/src/transparency/signed-note";
import type { ExportEvent } from "./offline-export-line";
import { ExportReader } from "./offline-export-reader";
import { readCheckpointRecords } from "../../../contracts/src/audit/checkpoint-records";
import type { LogProblem, LogReport, TreeHead } from "../../../contracts/src/audit/log-report";

/** The input cannot be verified at all (no checkpoint in the file, an unusable key): not a finding about the log. */
export class OfflineInputError extends Error {
  override name = "OfflineInputError";
}

// The reader is part of this module's interface: callers stream an export into it, then verify it here.
export { ExportReader };

type SignedRecord = { size: number; note: string; where: string; lastSeq: string | null };

/** The checkpoints of a checkpoint file (or one bare note), smallest tree first. */
function checkpointsIn(text: string): SignedRecord[] {
  const { records, bareNote } = readCheckpointRecords(text);
  if (bareNote !== null)
    return [{ size: Number(/^[^\n]*\n(\d+)\n/.exec(bareNote)?.[1] ?? 0), note: bareNote, where: "the checkpoint", lastSeq: null }];
  if (!records.length) throw new OfflineInputError('the checkpoint file holds no checkpoint (a signed note, or JSON lines with a "note")');
  const numbered = records.map((r, i) => ({
    size: Number(r.size),
    note: r.note,
    where: `the checkpoint of size ${r.size}`,
    // Not covered by the signature: used only to say how far a deletion reaches.
    lastSeq: typeof r.lastSeq === "string" && /^\d{1,19}$/.test(r.lastSeq) ? r.lastSeq : null,
    i,
  }));
  // Stable: of two records of one size the later line wins, as the newest copy.
  return numbered.sort((a, b) => a.size - b.size || a.i - b.i);
}

/** The raw Ed25519 key from a PEM, raw base64 or verifier key, to name its key ID; throws OfflineInputError. */
function rawKey(publicKey: string): Buffer {
  const text = publicKey.trim();
  try {
    if (text.startsWith("-----BEGIN")) return rawPublicKey(createPublicKey(text));
    const raw = text.length === 44 ? decodeBase64(text) : null;
    if (raw) return rawPublicKey(publicKeyFromRaw(raw));
    return parseVerifierKey(text).publicKey;
  } catch (error) {
    throw new OfflineInputError(
      `the public key is not usable (give the PEM, the raw key in base64 or the verifier key): ${(error as Error).message}`,
    );
  }
}

function treeHead(checkpoint: Checkpoint, key: Buffer): TreeHead {
  return {
    size: checkpoint.size,
    rootHash: checkpoint.rootHash.toString("base64"),
    time: checkpoint.time.toISOString(),
    keyId: noteKeyId(checkpoint.origin, key).toString("hex"),
  };
}

function verified(record: SignedRecord, publicKey: string): Checkpoint | null {
  try {
    return verifyCheckpoint(record.note, publicKey);
  } catch (error) {
    if (error instanceof CheckpointError) return null;
    throw error;
  }
}

/** Verifies what `reader` read against the newest checkpoint in `checkpointText`. */
export function verifyExportAgainst(reader: ExportReader, checkpointText: string, publicKey: string): LogReport {
  const key = rawKey(publicKey);
  const records = checkpointsIn(checkpointText);
  const newest = records.at(-1)!;
  const events = sortedEvents(reader);
  let checkpoint: Checkpoint;
  try {
    checkpoint = verifyCheckpoint(newest.note, publicKey);
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error;
    const problem: LogProblem = {
      code: "bad-signature",
      message: `${newest.where} is not signed by this public key (${error.message}): it is forged, or from another log`,
    };
    return { ok: false, checked: 0, archived: 0, unsealed: events.length, head: null, outside: null, problem };
  }
  const head = treeHead(checkpoint, key);
  const report = (problem: LogProblem | null, checked: number): LogReport => ({
    ok: problem === null,
    checked,
    archived: 0,
    unsealed: events.length - checked,
    head,
    outside: { ...head, source: "given" },
    problem,
  });
  if (reader.problem) return report(reader.problem, 0);
  const sealed = events.filter((e) => e.leafIndex !== null);
  const size = checkpoint.size;
  const placement = placementProblem(sealed, size, newest);
  if (placement) return report(placement, 0);
  const leaves = sealed.slice(0, size);
  if (!rootOf(leaves.map((e) => e.leafHash)).equals(checkpoint.rootHash)) return report(rewrittenProblem(leaves, records, publicKey), 0);
  return report(null, size);
}

/** The export's events in sequence order, each once; a seq seen twice with two contents is a finding. */
function sortedEvents(reader: ExportReader): ExportEvent[] {
  const events = reader.events;
  for (let i = 1; i < events.length; i++) {
    if (events[i - 1]!.seq >= events[i]!.seq) {
      events.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : a.line - b.line));
      break;
    }
  }
  const unique: ExportEvent[] = [];
  for (const event of events) {
    const last = unique.at(-1);
    if (last?.seq !== event.seq) {
      unique.push(event);
      continue;
    }
    // An archive without leaf fields and an export with them may both hold an event: one copy, the fuller one.
    const [a, b] = [last.leafIndex, event.leafIndex];
    const clash = typeof a === "number" && typeof b === "number" && a !== b;
    if (clash || !last.leafHash.equals(event.leafHash)) {
      const seq = event.seq.toString();
      reader.problem ??= {
        code: "edited",
        message: `event #${seq} was changed: lines ${last.line} and ${event.line} hold it with different contents`,
        firstBadSeq: seq,
      };
    }
    last.leafIndex = typeof a === "number" ? a : typeof b === "number" ? b : a === undefined || b === undefined ? undefined : null;
  }
  return unique;
}

/**
 * Sealing follows sequence order, so the i-th sealed event must be leaf i.
 * One event off while its neighbours fit had its leafIndex changed; a whole
 * run off by one means a leaf is missing before it.
 */
function placementProblem(sealed: ExportEvent[], size: number, newest: SignedRecord): LogProblem | null {
  for (let i = 0; i < sealed.length; i++) {
    const event = sealed[i]!;
    if (event.leafIndex === undefined || event.leafIndex === i) continue;
    const next = sealed[i + 1];
    const nextFits = next !== undefined && (next.leafIndex === undefined || next.leafIndex === i + 1);
    const missing = event.leafIndex! > i && (next ? !nextFits : sealed.length < size);
    const seq = event.seq.toString();
    if (!missing) {
      return {
        code: "edited",
        message: `event #${seq} was changed: line ${event.line} gives leaf ${event.leafIndex}, but in sequence order it is leaf ${i}`,
        firstBadSeq: seq,
      };
    }
    if (i >= size) break;
    const afterSeq = sealed[i - 1]?.seq.toString() ?? null;
    return {
      code: "missing-event",
      message: `leaf ${i} is missing from the export: the event after ${afterSeq ? `#${afterSeq}` : "the start"} and before #${seq} was deleted`,
      range: { afterSeq, throughSeq: (event.seq - 1n).toString() },
    };
  }
  if (sealed.length >= size) return null;
  const afterSeq = sealed.at(-1)?.seq.toString() ?? null;
  const gone = size - sealed.length;
  const lastSeq = newest.lastSeq;
  return {
    code: "deleted",
    message:
      `the checkpoint covers ${size} events but the export holds ${sealed.length}: the last ${gone} ${gone === 1 ? "is" : "are"} missing, ` +
      `after ${afterSeq ? `#${afterSeq}` : "the start"} (deleted, or the export was filtered or cut short)`,
    ...(lastSeq ? { range: { afterSeq, throughSeq: lastSeq } } : {}),
  };
}

/**
 * The signed root does not match: every event still fits its own leaf
 * hash, so events and leaves were rewritten together. Walking the leaves
 * once against the file's smaller checkpoints finds the last tree that
 * still matches and the first that does not: the change lies between.
 */
function rewrittenProblem(leaves: ExportEvent[], records: SignedRecord[], publicKey: string): LogProblem {
  const size = leaves.length;
  const frontier = new Frontier();
  let good = 0;
  let bad = size;
  let probe = 0;
  for (const leaf of leaves) {
    frontier.appendLeaf(leaf.leafHash);
    for (; probe < records.length && records[probe]!.size <= frontier.size; probe++) {
      const record = records[probe]!;
      if (record.size !== frontier.size || record.size === size) continue;
      const signed = verified(record, publicKey);
      // A record that does not verify says nothing: it is skipped, not trusted.
      if (!signed) continue;
      if (frontier.root().equals(signed.rootHash)) good = record.size;
      else bad = Math.min(bad, record.size);
    }
    if (bad < size) break;
  }
  const afterSeq = good ? leaves[good - 1]!.seq.toString() : null;
  const throughSeq = leaves[bad - 1]?.seq.toString();
  if (!throughSeq) return { code: "rewritten", message: "the empty tree does not have the signed root" };
  return {
    code: "rewritten",
    message:
      `the events no longer add up to the signed root of the tree of ${size}: history was rewritten and re-hashed ` +
      `after ${afterSeq ? `#${afterSeq}` : "the start"}, up to #${throughSeq}`,
    range: { afterSeq, throughSeq },
  };
}

/** The whole check for an export held in memory. */
export function verifyExportOffline(input: { exportData: string | Uint8Array; checkpoint: string; publicKey: string }): LogReport {
  const reader = new ExportReader();
  reader.push(input.exportData);
  return verifyExportAgainst(reader.end(), input.checkpoint, input.publicKey);
}
