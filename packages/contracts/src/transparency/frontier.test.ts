// The frontier against RFC 6962's test data (transparency-dev/merkle's
// testonly CompactTrees: the subtree roots after each of 8 appends) and,
// for random append sequences, against rootOf and the proofs from leaves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Frontier, type CompletedNode } from "./frontier";
import { consistencyProof, hashRangeFromNodes, inclusionProof, leafHash, memoryHashRange, rootOf } from "./merkle";
import { LEAF_HASHES_HEX, LEAF_INPUTS_HEX } from "./rfc6962-test-data";

const hex = (s: string) => Buffer.from(s, "hex");
const LEAVES = LEAF_INPUTS_HEX.map((s) => leafHash(hex(s)));
// Node hashes by level and index, from the same test data.
const N = [
  LEAF_HASHES_HEX,
  [
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
  ],
  ["d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
  ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
];
const COMPACT = [[], ["0/0"], ["1/0"], ["1/0", "0/2"], ["2/0"], ["2/0", "0/4"], ["2/0", "1/2"], ["2/0", "1/2", "0/6"], ["3/0"]];
const node = (id: string) => {
  const [level, index] = id.split("/").map(Number) as [number, number];
  return N[level]![index]!;
};

describe("Frontier", () => {
  it("holds the published subtree roots after each append, and emits each completed node once", () => {
    const frontier = new Frontier();
    const emitted: string[] = [];
    expect(frontier.hashes).toEqual([]);
    for (let n = 1; n <= 8; n++) {
      for (const done of frontier.appendLeaf(LEAVES[n - 1]!)) {
        expect(done.hash.toString("hex")).toBe(N[done.level]![done.index]);
        emitted.push(`${done.level}/${done.index}`);
      }
      expect(frontier.size).toBe(n);
      expect(frontier.hashes.map((h) => h.toString("hex"))).toEqual(COMPACT[n]!.map(node));
      expect(frontier.root()).toEqual(rootOf(LEAVES.slice(0, n)));
    }
    expect(emitted.sort()).toEqual(N.flatMap((level, l) => level.map((_, i) => `${l}/${i}`)).sort());
  });

  it("serializes to size ‖ hashes and refuses anything else", () => {
    expect(new Frontier().serialize().toString("hex")).toBe("0000000000000000");
    const frontier = new Frontier();
    for (const leaf of LEAVES.slice(0, 7)) frontier.appendLeaf(leaf);
    const bytes = frontier.serialize();
    expect(bytes.length).toBe(8 + 3 * 32);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("0000000000000007");
    expect(Frontier.parse(bytes).root()).toEqual(frontier.root());
    expect(() => Frontier.parse(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
    expect(() => Frontier.parse(Buffer.concat([bytes, Buffer.alloc(32)]))).toThrow(RangeError);
    expect(() => Frontier.parse(Buffer.alloc(4))).toThrow(RangeError);
    expect(() => Frontier.parse(hex("ffffffffffffffff"))).toThrow(RangeError);
    expect(() => new Frontier(3, [LEAVES[0]!])).toThrow(RangeError);
    expect(() => frontier.appendLeaf(Buffer.alloc(31))).toThrow(TypeError);
  });

  it("is rebuilt from stored subtree roots", () => {
    expect(Frontier.nodesOf(7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    const rebuilt = Frontier.fromHashRange(7, memoryHashRange(LEAVES));
    expect(rebuilt.hashes.map((h) => h.toString("hex"))).toEqual(COMPACT[7]!.map(node));
  });
});

describe("Frontier properties", () => {
  const MAX = 2000;
  const EVENTS = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`event ${i}`)));

  it("after any sequence of batches, resumed from its stored form each time, its root is rootOf", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 12 }), (batches) => {
        let stored = new Frontier().serialize();
        let size = 0;
        for (const k of batches) {
          // As a sequencer does: load what the last run stored, extend, store again.
          const frontier = Frontier.parse(stored);
          for (const leaf of EVENTS.slice(size, Math.min(size + k, MAX))) frontier.appendLeaf(leaf);
          size = frontier.size;
          expect(frontier.root()).toEqual(rootOf(EVENTS.slice(0, size)));
          stored = frontier.serialize();
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the nodes it emits serve the same proofs as the leaves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.nat(), fc.nat(), (size, i, j) => {
        const store = new Map<string, CompletedNode>();
        const frontier = new Frontier();
        for (const leaf of EVENTS.slice(0, size))
          for (const done of frontier.appendLeaf(leaf)) store.set(`${done.level}/${done.index}`, done);
        // Every perfect subtree of the tree, and nothing else, was emitted.
        let perfect = 0;
        for (let level = 0; 2 ** level <= size; level++) perfect += Math.floor(size / 2 ** level);
        expect(store.size).toBe(perfect);
        const fromNodes = hashRangeFromNodes((level, index) => store.get(`${level}/${index}`)!.hash);
        const fromLeaves = memoryHashRange(EVENTS);
        const index = i % size;
        const m = (j % size) + 1;
        expect(inclusionProof(index, size, fromNodes)).toEqual(inclusionProof(index, size, fromLeaves));
        expect(consistencyProof(m, size, fromNodes)).toEqual(consistencyProof(m, size, fromLeaves));
        expect(Frontier.fromHashRange(size, fromNodes).root()).toEqual(frontier.root());
      }),
      { numRuns: 100 },
    );
  });
});
