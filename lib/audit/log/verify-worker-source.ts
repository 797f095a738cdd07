// The code of a verification worker thread, as a string run with
// `new Worker(source, { eval: true })`. A string, because the app runs
// bundled (Turbopack for routes and jobs, esbuild for server.ts) and
// unbundled (vitest, tsx), and only plain JavaScript starts the same way in
// all four. It can import nothing of ours, so it repeats two small pieces:
//   - the canonical event text (packages/contracts/src/audit/canonical.ts, canonicalEventText)
//   - the chunk check (verify-chunk.ts, checkChunk)
// verify-worker.test.ts holds both equal to the originals, tampered rows
// included. Each worker reads its chunks over its own connection, so
// reading, hashing and PostgreSQL spread over every core.
//
// Messages in: { chunk: ChunkSpec } or { stop: true }.
// Messages out: { result: PackedChunkResult } or { error: string }.

/** The pure part: needs `require` (for node:crypto) in scope; defines canonicalText, checkChunk, pack. */
export const VERIFY_WORKER_FUNCTIONS = String.raw`
const { hash } = require("node:crypto");

const str = (value) => (value === null ? "null" : JSON.stringify(value));

function canonicalJson(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let items = "";
    for (let i = 0; i < value.length; i++) items += (i ? "," : "") + canonicalJson(value[i]);
    return "[" + items + "]";
  }
  let members = "";
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item === undefined) continue;
    members += (members ? "," : "") + JSON.stringify(key) + ":" + canonicalJson(item);
  }
  return "{" + members + "}";
}

function canonicalText(e) {
  const details = e.details === "{}" ? "{}" : canonicalJson(JSON.parse(e.details));
  return (
    '{"action":' + str(e.action) + ',"actorId":' + str(e.actorId) + ',"actorLabel":' + str(e.actorLabel) +
    ',"actorType":' + str(e.actorType) + ',"details":' + details + ',"ip":' + str(e.ip) +
    ',"namespace":' + str(e.namespace) + ',"outcome":' + str(e.outcome) + ',"requestId":' + str(e.requestId) +
    ',"resourceId":' + str(e.resourceId) + ',"resourceName":' + str(e.resourceName) + ',"resourceType":' + str(e.resourceType) +
    ',"seq":"' + e.seq + '","time":"' + e.time + '","userAgent":' + str(e.userAgent) + "}"
  );
}

// RFC 9162: leaf = SHA-256(0x00 || event), node = SHA-256(0x01 || left || right).
// The event's UTF-8 goes into one reused buffer after the 0x00: hashing a
// string, or a fresh buffer per event, costs markedly more.
let leafBytes = Buffer.alloc(4096);
function leafHash(text) {
  if (1 + 3 * text.length > leafBytes.length) leafBytes = Buffer.alloc(2 * (1 + 3 * text.length));
  const length = leafBytes.write(text, 1, "utf8");
  return hash("sha256", leafBytes.subarray(0, 1 + length), "buffer");
}
const scratch = Buffer.alloc(65);
scratch[0] = 1;
function nodeHash(left, right) {
  left.copy(scratch, 1);
  right.copy(scratch, 33);
  return hash("sha256", scratch, "buffer");
}

/** verify-chunk.ts's checkChunk. */
function checkChunk(rows, spec) {
  const { start, end, cuts } = spec;
  const archivedThrough = spec.archivedThroughSeq === null ? -1n : BigInt(spec.archivedThroughSeq);
  const result = { start, end, checked: 0, archived: 0, root: null, cuts: [], problem: null };
  // The frontier of the chunk's leaves so far: one subtree per set bit of the count, largest first.
  const stack = [];
  let count = 0;
  let nextCut = 0;
  let previousSeq = null;
  for (let i = 0; i < end - start; i++) {
    const row = rows[i];
    if (!row || Number(row.leafIndex) !== start + i) {
      result.problem = { kind: "gap", leafIndex: start + i, afterSeq: previousSeq, nextSeq: row ? row.seq : null };
      return result;
    }
    const stored = row.leafHash;
    if (row.gone && BigInt(row.seq) > archivedThrough) {
      result.problem = { kind: "missing-event", leafIndex: start + i, seq: row.seq };
      return result;
    }
    const leaf = row.gone ? stored : leafHash(canonicalText(row));
    if (stored.length !== 32 || !leaf.equals(stored)) {
      result.problem = { kind: "edited", leafIndex: start + i, seq: row.seq };
      return result;
    }
    if (row.gone) result.archived += 1;
    else result.checked += 1;
    let node = leaf;
    for (let s = count; s % 2 === 1; s = Math.floor(s / 2)) node = nodeHash(stack.pop(), node);
    stack.push(node);
    count += 1;
    previousSeq = row.seq;
    while (nextCut < cuts.length && cuts[nextCut] === start + count) {
      result.cuts.push({ size: cuts[nextCut], hashes: stack.slice(), lastSeq: row.seq, checked: result.checked, archived: result.archived });
      nextCut += 1;
    }
  }
  if (end - start === spec.chunk) result.root = stack[0];
  return result;
}

// Every hash of a result in one fresh buffer: a Buffer may be a view of a
// shared pool, and posting a view copies the whole pool behind it.
function pack(result) {
  const all = [];
  if (result.root) all.push(result.root);
  for (const cut of result.cuts) all.push(...cut.hashes);
  const bytes = new Uint8Array(all.length * 32);
  all.forEach((h, i) => bytes.set(h, i * 32));
  return {
    start: result.start, end: result.end, checked: result.checked, archived: result.archived, problem: result.problem,
    hasRoot: result.root !== null, cuts: result.cuts.map((c) => ({ size: c.size, count: c.hashes.length, lastSeq: c.lastSeq, checked: c.checked, archived: c.archived })), bytes,
  };
}
`;

const RUNTIME = String.raw`
const pg = require(workerData.pg);
const client = new pg.Client({ connectionString: workerData.url });
const connected = client.connect();
let stopping = false;
parentPort.on("message", (message) => {
  if (message.stop) {
    stopping = true;
    connected.then(() => client.end(), () => undefined).finally(() => parentPort.close());
    return;
  }
  const spec = message.chunk;
  // Queries queue on the one connection: the next chunk's rows arrive while this one is hashed.
  connected
    .then(() => client.query(workerData.sql, [String(spec.start), String(spec.end)]))
    .then(({ rows }) => {
      if (!stopping) parentPort.postMessage({ result: pack(checkChunk(rows, spec)) });
    })
    .catch((error) => {
      if (!stopping) parentPort.postMessage({ error: error && error.message ? error.message : String(error) });
    });
});
`;

export const VERIFY_WORKER_SOURCE = `"use strict";
const { parentPort, workerData } = require("node:worker_threads");
${VERIFY_WORKER_FUNCTIONS}
${RUNTIME}`;
