// What a verification of the audit log reports: the API's answer to
// POST /api/v1/audit/verify {"wait":true}, the background job's report, the
// console's verify panel and `coffer audit verify` all use this shape.

/** A signed tree head as shown to people and clients. */
export type TreeHead = {
  size: number;
  /** Base64 of the 32-byte root hash. */
  rootHash: string;
  time: string;
  keyId: string;
};

export type LogProblemCode =
  /** A checkpoint's signature does not verify with the log's public key. */
  | "bad-signature"
  /** The database's tree is smaller than a checkpoint held outside it: events were deleted. */
  | "deleted"
  /** A sealed event's row is gone (and no archive accounts for it). */
  | "missing-event"
  /** An event no longer hashes to its sealed leaf: edited in place. */
  | "edited"
  /** The tree no longer has the root a signed checkpoint gave it: history rewritten and re-hashed. */
  | "rewritten";

export type LogProblem = {
  code: LogProblemCode;
  /** One sentence for people: what was found and where. */
  message: string;
  /** The first event known bad, when it can be named. */
  firstBadSeq?: string;
  /** Otherwise the range of sequence numbers the change lies in: after `afterSeq`, up to `throughSeq`. */
  range?: { afterSeq: string | null; throughSeq: string };
};

export type LogReport = {
  ok: boolean;
  /** Leaves recomputed from their events. */
  checked: number;
  /** Leaves whose events retention archived (checked by their stored leaf hash only). */
  archived: number;
  /** Committed events not sealed yet (sealing runs within about a second). */
  unsealed: number;
  /** The database's newest signed checkpoint; null before the first sealing. */
  head: TreeHead | null;
  /** The newest checkpoint held outside the database that was compared, and where it came from. */
  outside: (TreeHead & { source: "file" | "given" }) | null;
  problem: LogProblem | null;
};
