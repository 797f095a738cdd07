// Subtree hashes for proofs, read from the stored tree: a proof names at
// most 2·log2(size) ranges, each made of stored perfect subtrees (leaves
// from AuditLeaf, higher nodes from AuditNode), fetched in one query.
import type { Tx } from "../../db/client";
import { hashRangeFromNodes, rangeNodes, type Hash, type NodeId, type Range } from "../../../packages/contracts/src/transparency/merkle";

type Reader = Pick<Tx, "$queryRaw">;

/** The hash of each range (MTH of its leaves), in order. Throws if the tree lacks a node it needs. */
export async function rangeHashes(reader: Reader, ranges: readonly Range[]): Promise<Hash[]> {
  const ids: NodeId[] = ranges.flatMap(([start, end]) => rangeNodes(start, end));
  const levels = ids.map((id) => String(id.level));
  const indexes = ids.map((id) => String(id.index));
  const rows = ids.length
    ? await reader.$queryRaw<{ level: number; index: bigint; hash: Uint8Array }[]>`
        WITH wanted AS (SELECT * FROM unnest(${levels}::text[]::integer[], ${indexes}::text[]::bigint[]) AS w("level", "index"))
        SELECT w."level", w."index", l."hash" FROM wanted w JOIN "AuditLeaf" l ON w."level" = 0 AND l."leafIndex" = w."index"
        UNION ALL
        SELECT w."level", w."index", n."hash" FROM wanted w JOIN "AuditNode" n ON n."level" = w."level" AND n."index" = w."index"`
    : [];
  const byId = new Map(rows.map((row) => [`${row.level}/${row.index}`, Buffer.from(row.hash)]));
  const hashRange = hashRangeFromNodes((level, index) => {
    const hash = byId.get(`${level}/${index}`);
    if (!hash) throw new Error(`the audit tree lacks node ${level}/${index}`);
    return hash;
  });
  return ranges.map(([start, end]) => Buffer.from(hashRange(start, end)));
}
