// The frontier (a "compact range" [0, size) in Trillian's terms): the roots
// of the perfect subtrees that tile the first `size` leaves, largest first,
// one per set bit of size. It is all a sequencer must keep to extend the
// tree: appending k leaves to a tree of size N costs O(k + log N) hashes
// and touches no earlier leaf, and the root is a fold of at most 53 hashes.
import { emptyRoot, HASH_BYTES, nodeHash, rangeNodes, type Hash, type HashRange, type NodeId } from "./merkle";

/** A perfect subtree completed by an append: what a storage layer keeps to serve proofs. */
export type CompletedNode = NodeId & { readonly hash: Hash };

const SIZE_BYTES = 8;

export class Frontier {
  #size: number;
  // Largest (leftmost) subtree first; the last one always covers the newest leaf.
  readonly #hashes: Hash[];

  /** A frontier of `size` leaves from its subtree roots, largest first; empty by default. */
  constructor(size = 0, hashes: readonly Uint8Array[] = []) {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`bad tree size ${size}`);
    if (hashes.length !== popCount(size))
      throw new RangeError(`a tree of size ${size} has ${popCount(size)} frontier hashes, not ${hashes.length}`);
    for (const h of hashes) if (h.length !== HASH_BYTES) throw new TypeError(`a frontier hash must be ${HASH_BYTES} bytes`);
    this.#size = size;
    this.#hashes = hashes.map((h) => Buffer.from(h));
  }

  get size(): number {
    return this.#size;
  }

  /** Copies of the subtree roots, largest first. */
  get hashes(): Hash[] {
    return this.#hashes.map((h) => Buffer.from(h));
  }

  /**
   * Adds one leaf hash (SHA-256(0x00 ‖ event), see leafHash). Returns every
   * perfect subtree this completes, the leaf itself (level 0) first, so the
   * caller can store them in the same transaction as the new frontier.
   */
  appendLeaf(leaf: Uint8Array): CompletedNode[] {
    if (leaf.length !== HASH_BYTES) throw new TypeError(`a leaf hash must be ${HASH_BYTES} bytes`);
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError("the tree is full");
    let hash: Hash = Buffer.from(leaf);
    let level = 0;
    let index = this.#size;
    const completed: CompletedNode[] = [{ level, index, hash }];
    // Each trailing 1 bit of the old size is a subtree of the new leaf's height waiting for a right sibling.
    for (let s = this.#size; s % 2 === 1; s = Math.floor(s / 2)) {
      hash = nodeHash(this.#hashes.pop()!, hash);
      level += 1;
      index = Math.floor(index / 2);
      completed.push({ level, index, hash });
    }
    this.#hashes.push(hash);
    this.#size += 1;
    return completed;
  }

  /** MTH of the leaves so far: the subtree roots folded from the right, as MTH nests. */
  root(): Hash {
    if (this.#hashes.length === 0) return emptyRoot();
    let root = this.#hashes.at(-1)!;
    for (let i = this.#hashes.length - 2; i >= 0; i--) root = nodeHash(this.#hashes[i]!, root);
    return Buffer.from(root);
  }

  /**
   * The stored form: size as an 8-byte big-endian unsigned integer, then the
   * subtree roots largest first, 32 bytes each, nothing else; so its length
   * is 8 + 32·popcount(size) and a truncated or padded value is refused.
   * Hex of an empty frontier: 0000000000000000.
   */
  serialize(): Buffer {
    const head = Buffer.alloc(SIZE_BYTES);
    head.writeBigUInt64BE(BigInt(this.#size));
    return Buffer.concat([head, ...this.#hashes]);
  }

  static parse(bytes: Uint8Array): Frontier {
    if (bytes.length < SIZE_BYTES) throw new RangeError("a serialized frontier starts with an 8-byte size");
    const buffer = Buffer.from(bytes);
    const size = buffer.readBigUInt64BE(0);
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`tree size ${size} is too large`);
    const count = popCount(Number(size));
    if (buffer.length !== SIZE_BYTES + count * HASH_BYTES) {
      throw new RangeError(`a frontier of size ${size} is ${SIZE_BYTES + count * HASH_BYTES} bytes, not ${buffer.length}`);
    }
    const hashes: Buffer[] = [];
    for (let i = 0; i < count; i++) hashes.push(buffer.subarray(SIZE_BYTES + i * HASH_BYTES, SIZE_BYTES + (i + 1) * HASH_BYTES));
    return new Frontier(Number(size), hashes);
  }

  /** The subtrees a frontier of `size` is made of: what to fetch to rebuild it from stored nodes. */
  static nodesOf(size: number): NodeId[] {
    return size === 0 ? [] : rangeNodes(0, size);
  }

  /** Rebuilds the frontier of `size` leaves from any source of subtree roots (stored nodes, an export). */
  static fromHashRange(size: number, hashRange: HashRange): Frontier {
    const width = (node: NodeId) => 2 ** node.level;
    const hashes = Frontier.nodesOf(size).map((node) => hashRange(node.index * width(node), (node.index + 1) * width(node)));
    return new Frontier(size, hashes);
  }
}

// Arithmetic, not bitwise: sizes may pass 2^32.
function popCount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}
