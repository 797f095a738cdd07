// RFC 9162 §2.1 Merkle tree hashing for the audit log (DESIGN 10). The
// proof generators never read leaves themselves: they ask a `HashRange`
// for the subtree roots they need, so the database layer can answer from
// stored nodes while tests and offline tools answer from an array.
import { hash } from "node:crypto";

export const HASH_BYTES = 32;
export type Hash = Buffer;

/** MTH(D[start:end]): the root of leaves start..end-1 taken as a tree of their own. */
export type HashRange = (start: number, end: number) => Uint8Array;
/** A half-open leaf range [start, end). */
export type Range = readonly [start: number, end: number];
/** A perfect subtree: the 2^level leaves from index·2^level on. */
export type NodeId = { readonly level: number; readonly index: number };

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256(0x00 ‖ leaf): the 0x00 keeps a leaf from passing as a node (second preimages). */
export function leafHash(leaf: Uint8Array): Hash {
  return hash("sha256", Buffer.concat([LEAF_PREFIX, leaf]), "buffer");
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return hash("sha256", Buffer.concat([NODE_PREFIX, left, right]), "buffer");
}

/** MTH({}) = SHA-256(""); a fresh copy each call, as Buffers are mutable. */
export function emptyRoot(): Hash {
  return hash("sha256", Buffer.alloc(0), "buffer");
}

/** MTH over leaf hashes (not leaf data), for any count including 0. */
export function rootOf(leafHashes: readonly Uint8Array[]): Hash {
  if (leafHashes.length === 0) return emptyRoot();
  return Buffer.from(mth(leafHashes, 0, leafHashes.length));
}

// Recursion depth is log2(n), so even a very long export cannot overflow the
// stack; leaves are checked, not copied, as verification runs through here.
function mth(leaves: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) {
    const leaf = leaves[start];
    if (!isHash(leaf)) throw new TypeError(`a leaf hash must be ${HASH_BYTES} bytes`);
    return leaf;
  }
  const k = splitPoint(end - start);
  return nodeHash(mth(leaves, start, start + k), mth(leaves, start + k, end));
}

/** A HashRange over leaf hashes in memory; O(end − start) a call, for tests and offline checks. */
export function memoryHashRange(leafHashes: readonly Uint8Array[]): HashRange {
  return (start, end) => {
    checkRange(start, end, leafHashes.length);
    return Buffer.from(mth(leafHashes, start, end));
  };
}

/**
 * The perfect subtrees whose hashes make up MTH(D[start:end]), left to
 * right, for a range aligned as a subtree of the log (every range the
 * proof and frontier functions ask for is). A storage layer fetches these
 * in one query and hands them to `hashRangeFromNodes`.
 */
export function rangeNodes(start: number, end: number): NodeId[] {
  checkRange(start, end, Number.MAX_SAFE_INTEGER);
  const nodes: NodeId[] = [];
  while (start < end) {
    const n = end - start;
    const width = isPowerOfTwo(n) ? n : splitPoint(n);
    // Unaligned, the chunk would straddle two stored nodes: no single row holds it.
    if (start % width !== 0) throw new RangeError(`[${start}, ${end}) is not a subtree of the log`);
    nodes.push({ level: Math.log2(width), index: start / width });
    start += width;
  }
  return nodes;
}

/** A HashRange backed by perfect-subtree hashes (stored nodes), combined as MTH splits them. */
export function hashRangeFromNodes(getNode: (level: number, index: number) => Uint8Array): HashRange {
  return (start, end) => {
    const nodes = rangeNodes(start, end);
    // MTH nests to the right (left chunk perfect, the rest recursed), so fold from the right.
    let root = asHash(getNode(nodes.at(-1)!.level, nodes.at(-1)!.index), "node hash");
    for (let i = nodes.length - 2; i >= 0; i--) root = nodeHash(asHash(getNode(nodes[i]!.level, nodes[i]!.index), "node hash"), root);
    return root;
  };
}

/** The ranges whose MTH form PATH(index, D[size]) (RFC 9162 §2.1.3.1), bottom-up. */
export function inclusionProofRanges(index: number, size: number): Range[] {
  if (!isCount(size) || !isCount(index) || index >= size) throw new RangeError(`no leaf ${index} in a tree of size ${size}`);
  const ranges: Range[] = [];
  // PATH(m, D[lo:hi]) = PATH(m, D[lo:lo+k]) : MTH(D[lo+k:hi]) when m < k, else PATH(m−k, D[lo+k:hi]) : MTH(D[lo:lo+k]).
  const path = (m: number, lo: number, hi: number): void => {
    if (hi - lo === 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      path(m, lo, lo + k);
      ranges.push([lo + k, hi]);
    } else {
      path(m - k, lo + k, hi);
      ranges.push([lo, lo + k]);
    }
  };
  path(index, 0, size);
  return ranges;
}

/** The inclusion proof of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(index: number, size: number, hashRange: HashRange): Hash[] {
  return inclusionProofRanges(index, size).map(([start, end]) => asHash(hashRange(start, end), "subtree hash"));
}

/** The ranges whose MTH form PROOF(m, D[n]) (RFC 9162 §2.1.4.1); needs 0 < m ≤ n. */
export function consistencyProofRanges(m: number, n: number): Range[] {
  // RFC 9162 defines no proof from the empty tree: every tree extends it trivially.
  if (!isCount(m) || !isCount(n) || m === 0 || m > n) throw new RangeError(`no consistency proof from size ${m} to size ${n}`);
  const ranges: Range[] = [];
  // SUBPROOF(m, D[lo:hi], b); b is true while D[lo:lo+m] is still the whole old tree, whose root the verifier holds.
  const subproof = (size: number, lo: number, hi: number, whole: boolean): void => {
    if (size === hi - lo) {
      if (!whole) ranges.push([lo, hi]);
      return;
    }
    const k = splitPoint(hi - lo);
    if (size <= k) {
      subproof(size, lo, lo + k, whole);
      ranges.push([lo + k, hi]);
    } else {
      subproof(size - k, lo + k, hi, false);
      ranges.push([lo, lo + k]);
    }
  };
  subproof(m, 0, n, true);
  return ranges;
}

/** The consistency proof from the tree of the first m leaves to that of the first n. */
export function consistencyProof(m: number, n: number, hashRange: HashRange): Hash[] {
  return consistencyProofRanges(m, n).map(([start, end]) => asHash(hashRange(start, end), "subtree hash"));
}

/**
 * RFC 9162 §2.1.3.2, step by step. False (never a throw) for any input
 * that does not prove inclusion, malformed ones included: a verifier
 * fails closed.
 */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!isHash(leaf) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && Buffer.from(r).equals(root);
}

/**
 * RFC 9162 §2.1.4.2, step by step; m = n holds only for an empty proof and
 * equal roots, and m = 0 is refused (there is nothing to prove: the caller
 * checks the old root is `emptyRoot()` instead).
 */
export function verifyConsistency(m: number, n: number, oldRoot: Uint8Array, newRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!isCount(m) || !isCount(n) || m === 0 || m > n) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (m === n) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(m) ? [oldRoot, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && Buffer.from(fr).equals(oldRoot) && Buffer.from(sr).equals(newRoot);
}

// Sizes are plain numbers (exact up to 2^53) and halved arithmetically:
// JavaScript's bitwise operators would cut them to 32 bits.
function half(x: number): number {
  return Math.floor(x / 2);
}

/** The largest power of two smaller than n (n ≥ 2): where MTH splits. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

function isCount(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

function isHash(x: unknown): x is Uint8Array {
  return x instanceof Uint8Array && x.length === HASH_BYTES;
}

function asHash(x: Uint8Array, what: string): Hash {
  if (!isHash(x)) throw new TypeError(`a ${what} must be ${HASH_BYTES} bytes`);
  return Buffer.from(x);
}

function checkRange(start: number, end: number, size: number): void {
  if (!isCount(start) || !isCount(end) || start >= end || end > size) throw new RangeError(`bad leaf range [${start}, ${end})`);
}
