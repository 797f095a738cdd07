// Properties of the RFC 9162 functions for random trees up to 2,000 leaves,
// checked against a naive implementation written straight from the RFC's
// recursive definitions (MTH, PATH, SUBPROOF on list slices), which shares
// no code with merkle.ts.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consistencyProof, inclusionProof, leafHash, memoryHashRange, rootOf, verifyConsistency, verifyInclusion } from "./merkle";

const sha256 = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
const refMth = (d: Buffer[]): Buffer => {
  if (d.length === 0) return sha256();
  if (d.length === 1) return d[0]!;
  const k = split(d.length);
  return sha256(Buffer.from([1]), refMth(d.slice(0, k)), refMth(d.slice(k)));
};
const refPath = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length === 1) return [];
  const k = split(d.length);
  return m < k ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))] : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))];
};
const refSubproof = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [refMth(d)];
  const k = split(d.length);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))];
};

const MAX = 2000;
const LEAVES = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
// The tree of size n is always the first n of the same leaves, as in a log.
const hashRange = memoryHashRange(LEAVES);
const root = (n: number) => rootOf(LEAVES.slice(0, n));

const flipBit = (bytes: Uint8Array, bit: number) => {
  const copy = Buffer.from(bytes);
  copy[Math.floor(bit / 8) % copy.length]! ^= 1 << (bit % 8);
  return copy;
};
const sizeAndIndex = fc.integer({ min: 1, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
const oldAndNew = fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));
const bit = fc.integer({ min: 0, max: 255 });

describe("merkle properties", () => {
  it("rootOf is the RFC's MTH for any size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), (n) => root(n).equals(refMth(LEAVES.slice(0, n)))),
      { numRuns: 200 },
    );
  });

  it("every inclusion proof is the RFC's PATH and verifies; a flipped bit anywhere fails", () => {
    fc.assert(
      fc.property(sizeAndIndex, bit, fc.nat(), ([size, index], flip, which) => {
        const proof = inclusionProof(index, size, hashRange);
        const r = root(size);
        expect(proof).toEqual(refPath(index, LEAVES.slice(0, size)));
        expect(verifyInclusion(index, size, LEAVES[index]!, proof, r)).toBe(true);
        expect(verifyInclusion(index, size, flipBit(LEAVES[index]!, flip), proof, r)).toBe(false);
        expect(verifyInclusion(index, size, LEAVES[index]!, proof, flipBit(r, flip))).toBe(false);
        if (proof.length > 0) {
          const broken = proof.map((p, i) => (i === which % proof.length ? flipBit(p, flip) : p));
          expect(verifyInclusion(index, size, LEAVES[index]!, broken, r)).toBe(false);
        }
        // Another leaf's hash under this index and path: what a rewritten event would look like.
        if (size > 1) expect(verifyInclusion(index, size, LEAVES[(index + 1) % size]!, proof, r)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("every consistency proof is the RFC's PROOF and verifies; a wrong root or flipped bit fails", () => {
    fc.assert(
      fc.property(oldAndNew, bit, fc.nat(), ([m, n], flip, which) => {
        const proof = consistencyProof(m, n, hashRange);
        const [oldRoot, newRoot] = [root(m), root(n)];
        expect(proof).toEqual(refSubproof(m, LEAVES.slice(0, n), true));
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        expect(verifyConsistency(m, n, flipBit(oldRoot, flip), newRoot, proof)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, flipBit(newRoot, flip), proof)).toBe(false);
        // The old tree with its last event rewritten: a history edit the proof must expose.
        const rewritten = rootOf([...LEAVES.slice(0, m - 1), leafHash(Buffer.from("forged"))]);
        expect(verifyConsistency(m, n, rewritten, newRoot, proof)).toBe(false);
        if (proof.length > 0) {
          const broken = proof.map((p, i) => (i === which % proof.length ? flipBit(p, flip) : p));
          expect(verifyConsistency(m, n, oldRoot, newRoot, broken)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
