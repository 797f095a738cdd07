// Known answers for RFC 9162 hashing and proofs. The leaves, node hashes and
// roots are RFC 6962's test data as transparency-dev/merkle carries it
// (testonly/constants.go); the proofs are the happy-path probes of its
// testdata/inclusion and testdata/consistency suites (Apache-2.0).
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  consistencyProofRanges,
  emptyRoot,
  hashRangeFromNodes,
  inclusionProof,
  inclusionProofRanges,
  leafHash,
  memoryHashRange,
  nodeHash,
  rangeNodes,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from "./merkle";
import { LEAF_HASHES_HEX, LEAF_INPUTS_HEX } from "./rfc6962-test-data";

const hex = (s: string) => Buffer.from(s, "hex");
const b64 = (s: string) => Buffer.from(s, "base64");

const LEAF_INPUTS = LEAF_INPUTS_HEX.map(hex);
const LEAF_HASHES = LEAF_HASHES_HEX.map(hex);
// ROOTS[n] is the root of the first n leaves.
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
].map(hex);

const INCLUSION = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
      "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
      "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
      "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
      "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
    ],
  },
  { index: 2, size: 3, proof: ["+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU="] },
  {
    index: 1,
    size: 5,
    proof: [
      "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
      "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
      "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
    ],
  },
];
const CONSISTENCY = [
  { m: 1, n: 1, proof: [] },
  {
    m: 1,
    n: 8,
    proof: [
      "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
      "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
      "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=",
    ],
  },
  {
    m: 6,
    n: 8,
    proof: [
      "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
      "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
      "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
    ],
  },
  { m: 2, n: 5, proof: ["Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="] },
  {
    m: 6,
    n: 7,
    proof: [
      "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
      "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=",
      "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=",
    ],
  },
];

const hashes = memoryHashRange(LEAF_HASHES);

describe("RFC 9162 hashing", () => {
  it("matches the published hashes of leaves, nodes and the empty tree", () => {
    expect(emptyRoot().toString("hex")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(leafHash(Buffer.alloc(0)).toString("hex")).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(leafHash(Buffer.from("L123456")).toString("hex")).toBe("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    expect(nodeHash(Buffer.from("N123"), Buffer.from("N456")).toString("hex")).toBe(
      "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
    );
    expect(LEAF_INPUTS.map(leafHash)).toEqual(LEAF_HASHES);
  });

  it("gives the published root for every size from 0 to 8", () => {
    for (let n = 0; n <= 8; n++) expect(rootOf(LEAF_HASHES.slice(0, n)).toString("hex"), `size ${n}`).toBe(ROOTS[n]!.toString("hex"));
  });

  it("refuses leaf hashes that are not 32 bytes", () => {
    expect(() => rootOf([Buffer.alloc(31), LEAF_HASHES[0]!])).toThrow(TypeError);
  });
});

describe("inclusion proofs", () => {
  it.each(INCLUSION)("leaf $index of $size: the published proof, and it verifies", ({ index, size, proof }) => {
    const made = inclusionProof(index, size, hashes);
    expect(made).toEqual(proof.map(b64));
    expect(verifyInclusion(index, size, LEAF_HASHES[index]!, made, ROOTS[size]!)).toBe(true);
  });

  it.each(INCLUSION)("leaf $index of $size: a changed index, size, leaf, root or proof fails", ({ index, size, proof }) => {
    const path = proof.map(b64);
    const leaf = LEAF_HASHES[index]!;
    const root = ROOTS[size]!;
    for (const other of [index - 1, index + 1, index ^ 2, size])
      expect(verifyInclusion(other, size, leaf, path, root), `index ${other}`).toBe(false);
    // As in transparency-dev's mutation probes: a size of the same shape (8 for 7) proves the same
    // path, which is why a checkpoint signs the size beside the root.
    for (const other of [size * 2, Math.floor(size / 2)])
      expect(verifyInclusion(index, other, leaf, path, root), `size ${other}`).toBe(false);
    expect(verifyInclusion(index, size, LEAF_HASHES[(index + 1) % 8]!, path, root)).toBe(false);
    expect(verifyInclusion(index, size, leaf, path, ROOTS[(size + 1) % 9]!)).toBe(false);
    expect(verifyInclusion(index, size, leaf, [...path, root], root)).toBe(false);
    expect(verifyInclusion(index, size, leaf, [root, ...path], root)).toBe(false);
    if (path.length) expect(verifyInclusion(index, size, leaf, path.slice(1), root)).toBe(false);
    expect(verifyInclusion(index, size, leaf, path, root.subarray(1))).toBe(false);
  });

  it("refuses to prove a leaf the tree does not have", () => {
    expect(() => inclusionProofRanges(8, 8)).toThrow(RangeError);
    expect(() => inclusionProofRanges(0, 0)).toThrow(RangeError);
    expect(() => inclusionProofRanges(-1, 8)).toThrow(RangeError);
    expect(() => inclusionProofRanges(1.5, 8)).toThrow(RangeError);
    expect(verifyInclusion(0, 0, LEAF_HASHES[0]!, [], emptyRoot())).toBe(false);
  });
});

describe("consistency proofs", () => {
  it.each(CONSISTENCY)("$m to $n: the published proof, and it verifies", ({ m, n, proof }) => {
    const made = consistencyProof(m, n, hashes);
    expect(made).toEqual(proof.map(b64));
    expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, made)).toBe(true);
  });

  it.each(CONSISTENCY)("$m to $n: a changed size, root or proof fails", ({ m, n, proof }) => {
    const path = proof.map(b64);
    const [oldRoot, newRoot] = [ROOTS[m]!, ROOTS[n]!];
    expect(verifyConsistency(m, n, ROOTS[m - 1]!, newRoot, path)).toBe(false);
    expect(verifyConsistency(m, n, oldRoot, ROOTS[n - 1]!, path)).toBe(false);
    for (const other of [m - 1, m + 1, m ^ 2])
      if (other !== m && other <= n) expect(verifyConsistency(other, n, oldRoot, newRoot, path), `m ${other}`).toBe(false);
    for (const other of [n * 2, Math.floor(n / 2)])
      if (other !== n) expect(verifyConsistency(m, other, oldRoot, newRoot, path), `n ${other}`).toBe(false);
    expect(verifyConsistency(m, n, oldRoot, newRoot, [...path, newRoot])).toBe(false);
    if (path.length) expect(verifyConsistency(m, n, oldRoot, newRoot, path.slice(0, -1))).toBe(false);
  });

  it("has no proof from the empty tree or backwards", () => {
    expect(() => consistencyProofRanges(0, 4)).toThrow(RangeError);
    expect(() => consistencyProofRanges(5, 4)).toThrow(RangeError);
    expect(verifyConsistency(0, 4, emptyRoot(), ROOTS[4]!, [])).toBe(false);
    expect(verifyConsistency(0, 0, emptyRoot(), emptyRoot(), [])).toBe(false);
    expect(verifyConsistency(4, 2, ROOTS[4]!, ROOTS[2]!, [])).toBe(false);
    expect(verifyConsistency(3, 3, ROOTS[3]!, ROOTS[3]!, [ROOTS[3]!])).toBe(false);
  });
});

describe("subtree hashes from stored nodes", () => {
  it("names the perfect subtrees of a range, and refuses ranges that are no subtree", () => {
    expect(rangeNodes(0, 7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(rangeNodes(4, 8)).toEqual([{ level: 2, index: 1 }]);
    expect(() => rangeNodes(2, 6)).toThrow(RangeError);
    expect(() => rangeNodes(3, 3)).toThrow(RangeError);
  });

  it("combines them into the same proofs as the leaves give", () => {
    const store = new Map<string, Buffer>();
    for (let level = 0; 2 ** level <= 8; level++) {
      for (let index = 0; (index + 1) * 2 ** level <= 8; index++)
        store.set(`${level}/${index}`, hashes(index * 2 ** level, (index + 1) * 2 ** level) as Buffer);
    }
    const fromNodes = hashRangeFromNodes((level, index) => store.get(`${level}/${index}`)!);
    for (const { index, size, proof } of INCLUSION) expect(inclusionProof(index, size, fromNodes)).toEqual(proof.map(b64));
    for (const { m, n, proof } of CONSISTENCY) expect(consistencyProof(m, n, fromNodes)).toEqual(proof.map(b64));
  });
});
