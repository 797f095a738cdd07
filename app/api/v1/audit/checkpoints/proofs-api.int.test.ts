// The proof routes against a real tree: every answer is checked with the
// RFC 9162 verifiers against a checkpoint whose signature is checked with
// the published key, so a wrong node, an off-by-one range or a key mix-up
// fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { sealPending } from "@/lib/audit/log/sequencer";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudits } from "@/lib/audit/record-audit";
import { verifyCheckpoint } from "@/packages/contracts/src/transparency/checkpoint";
import { leafHash, verifyConsistency, verifyInclusion } from "@/packages/contracts/src/transparency/merkle";
import { canonicalEventText } from "@/packages/contracts/src/audit/canonical";
import { rawAuditRows } from "@/lib/audit/audit-rows";
import { anonymousActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { call, personalToken } from "@/tests/support/api";
import { createUser, testContext } from "@/tests/support/factories";
import * as consistencyRoute from "./consistency/route";
import * as latestRoute from "./latest/route";
import * as proofRoute from "../events/[seq]/proof/route";
import * as keyRoute from "../public-key/route";

let auditor: string;
let viewer: string;
const sizes: number[] = [];

const b = (text: string) => Buffer.from(text, "base64");

beforeAll(async () => {
  auditor = await personalToken((await createUser("auditor@example.com", [{ role: "auditor" }])).user.id);
  viewer = await personalToken((await createUser("viewer@example.com", [{ role: "viewer" }])).user.id);
  const actor = anonymousActor(testContext, "someone@example.com");
  // Several sealings of uneven sizes, so proofs cross checkpoints and unbalanced subtrees.
  for (const count of [1, 2, 5, 3, 8]) {
    await db.$transaction((tx) =>
      recordAudits(
        tx,
        actor,
        Array.from({ length: count }, (_, i) => ({ action: "test.event" as AuditAction, details: { i } })),
      ),
    );
    const report = await sealPending("test");
    sizes.push(report.checkpoints.at(-1)!.size);
  }
});

async function publicKey(): Promise<string> {
  const { status, body } = await call(keyRoute.GET, { token: auditor });
  expect(status).toBe(200);
  return body.publicKeyPem;
}

describe("GET /api/v1/audit/checkpoints/latest and /public-key", () => {
  it("gives a checkpoint signed by the published key for the whole tree", async () => {
    const { status, body } = await call(latestRoute.GET, { token: auditor });
    expect(status).toBe(200);
    const signed = verifyCheckpoint(body.checkpoint.note, await publicKey());
    expect(signed.size).toBe(sizes.at(-1));
    expect(body.checkpoint.size).toBe(signed.size);
    expect(body.checkpoint.rootHash).toBe(Buffer.from(signed.rootHash).toString("base64"));
  });

  it("refuses a member without audit:read", async () => {
    expect((await call(latestRoute.GET, { token: viewer })).status).toBe(403);
    expect((await call(keyRoute.GET, { token: viewer })).status).toBe(403);
  });
});

describe("GET /api/v1/audit/events/{seq}/proof", () => {
  it("proves every sealed event against the newest checkpoint and against an older one", async () => {
    const key = await publicKey();
    const leaves = await db.auditLeaf.findMany({ orderBy: { leafIndex: "asc" } });
    const rows = await rawAuditRows(db, Prisma.sql`TRUE`, 0n, 1000);
    const bySeq = new Map(rows.map((row) => [row.seq, row]));
    for (const leaf of leaves) {
      const { status, body } = await call(proofRoute.GET, { token: auditor, params: { seq: leaf.seq.toString() } });
      expect(status).toBe(200);
      const root = verifyCheckpoint(body.checkpoint.note, key).rootHash;
      // The leaf is the event as stored now, hashed here, not the server's word for it.
      const leafOfEvent = leafHash(Buffer.from(canonicalEventText(bySeq.get(leaf.seq.toString())!), "utf8"));
      expect(verifyInclusion(body.leafIndex, body.treeSize, leafOfEvent, body.proof.map(b), root)).toBe(true);
    }
    const older = sizes[2]!;
    const { body } = await call(proofRoute.GET, { token: auditor, params: { seq: leaves[1]!.seq.toString() }, query: `?size=${older}` });
    expect(body.treeSize).toBe(older);
    expect(verifyInclusion(1, older, b(body.leafHash), body.proof.map(b), verifyCheckpoint(body.checkpoint.note, key).rootHash)).toBe(true);
  });

  it("answers 404 for an event that is not sealed or does not exist, 400 for a bad seq or size", async () => {
    const newest = sizes.at(-1)!;
    const last = await db.auditLeaf.findFirstOrThrow({ orderBy: { leafIndex: "desc" } });
    expect((await call(proofRoute.GET, { token: auditor, params: { seq: "999999999" } })).status).toBe(404);
    for (const [seq, query, words] of [
      ["abc", "", "seq must be"],
      ["99999999999999999999", "", "seq must be"],
      [last.seq.toString(), `?size=${newest + 1}`, `size must be at most ${newest}`],
      [last.seq.toString(), `?size=${newest - 1}`, "greater than"],
      [last.seq.toString(), "?size=0", "size must be a whole number"],
    ] as const) {
      const { status, body } = await call(proofRoute.GET, { token: auditor, params: { seq }, query });
      expect(status, `${seq}${query}`).toBe(400);
      expect(body.error.message).toContain(words);
    }
  });
});

describe("GET /api/v1/audit/checkpoints/consistency", () => {
  it("proves each checkpoint extends every earlier one", async () => {
    const key = await publicKey();
    const checkpoints = await db.auditCheckpoint.findMany({ orderBy: { size: "asc" } });
    const rootOf = new Map(checkpoints.map((c) => [Number(c.size), verifyCheckpoint(c.note, key).rootHash]));
    for (const from of sizes) {
      for (const to of sizes.filter((size) => size >= from)) {
        const { status, body } = await call(consistencyRoute.GET, { token: auditor, query: `?from=${from}&to=${to}` });
        expect(status).toBe(200);
        if (from === to) expect(body.proof).toEqual([]);
        else expect(verifyConsistency(from, to, rootOf.get(from)!, rootOf.get(to)!, body.proof.map(b))).toBe(true);
        expect(body.toCheckpoint.size).toBe(to);
      }
    }
  });

  it("answers 400 naming the parameter for sizes the tree does not have", async () => {
    const newest = sizes.at(-1)!;
    for (const [query, words] of [
      [`?from=1&to=${newest + 1}`, `to must be at most ${newest}`],
      ["?from=3&to=2", "from must be at most to"],
      ["?to=2", "from must be a whole number"],
      ["?from=-1&to=2", "from must be a whole number"],
    ] as const) {
      const { status, body } = await call(consistencyRoute.GET, { token: auditor, query });
      expect(status, query).toBe(400);
      expect(body.error.message).toContain(words);
    }
  });
});
