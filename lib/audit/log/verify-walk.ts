// The walk over the tree, chunk by chunk in tree order: it joins the
// chunks' roots into the frontier, meets every signed root at its size,
// and turns the first bad leaf or root into the report's problem. Its
// state is small (the frontier of chunk roots and the counts), so the
// background job can keep it in its payload between steps.
import { verifyCheckpoint, type PublicKeyInput } from "../../../packages/contracts/src/transparency/checkpoint";
import { Frontier } from "../../../packages/contracts/src/transparency/frontier";
import { CHUNK, type ChunkCut, type ChunkProblem, type ChunkResult, type ChunkSpec } from "./verify-chunk";
import { failedReport, type Target, type VerifyPlan } from "./verify-plan";
import type { LogProblem, LogReport } from "../../../packages/contracts/src/audit/log-report";

/** A root that matched, kept to bound a later mismatch from below. */
type Matched = { lastSeq: string; note: string; signed: boolean };

export type WalkState = {
  nextLeaf: number;
  /** Base64 of the serialized frontier at nextLeaf (a multiple of the chunk size). */
  frontier: string;
  checked: number;
  archived: number;
  /** Index of the next target to meet. */
  target: number;
  /** The last few roots met, newest last. */
  matched: Matched[];
};

const KEEP_MATCHED = 8;

export class LogWalk {
  readonly plan: VerifyPlan;
  readonly chunk: number;
  readonly #key: PublicKeyInput;
  #chunks: Frontier;
  #state: Omit<WalkState, "frontier">;
  #problem: LogProblem | null = null;

  constructor(plan: VerifyPlan, key: PublicKeyInput, options: { state?: WalkState; chunk?: number } = {}) {
    const { state, chunk = CHUNK } = options;
    if (!Number.isSafeInteger(Math.log2(chunk))) throw new RangeError(`a chunk is a power of two leaves, not ${chunk}`);
    this.plan = plan;
    this.chunk = chunk;
    this.#key = key;
    if (state) {
      const frontier = Frontier.parse(Buffer.from(state.frontier, "base64"));
      if (frontier.size !== state.nextLeaf || state.nextLeaf % chunk !== 0)
        throw new RangeError("the walk's saved frontier does not fit its position");
      this.#chunks = new Frontier(state.nextLeaf / chunk, frontier.hashes);
      // The saved frontier was rebuilt into #chunks above; the rest is the state.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { frontier: _frontier, ...rest } = state;
      this.#state = { ...rest, matched: [...rest.matched] };
    } else {
      this.#chunks = new Frontier();
      this.#state = { nextLeaf: 0, checked: 0, archived: 0, target: 0, matched: [] };
    }
  }

  get finished(): boolean {
    return this.#problem !== null || this.#state.nextLeaf >= this.plan.treeSize;
  }

  get checkedLeaves(): number {
    return this.#state.nextLeaf;
  }

  /** The chunk starting at `start`, with the sizes inside it the walk must cut at; null past the tree. */
  chunkAt(start: number): ChunkSpec | null {
    const { treeSize, targets } = this.plan;
    if (start >= treeSize) return null;
    const end = Math.min(start + this.chunk, treeSize);
    const cuts: number[] = [];
    for (const target of targets) if (target.size > start && target.size <= end && cuts.at(-1) !== target.size) cuts.push(target.size);
    return { chunk: this.chunk, start, end, cuts, archivedThroughSeq: this.plan.archivedThroughSeq };
  }

  nextChunk(): ChunkSpec | null {
    return this.finished ? null : this.chunkAt(this.#state.nextLeaf);
  }

  /** Takes the next chunk's result (in tree order); false once a problem is found. */
  accept(result: ChunkResult): boolean {
    if (this.finished) return false;
    if (result.start !== this.#state.nextLeaf)
      throw new RangeError(`chunk ${result.start} out of order (expected ${this.#state.nextLeaf})`);
    // Cuts before the bad leaf come first: tree order decides which problem is named.
    for (const cut of result.cuts) {
      if (this.#meet(cut)) continue;
      this.#state.checked += cut.checked;
      this.#state.archived += cut.archived;
      return false;
    }
    this.#state.checked += result.checked;
    this.#state.archived += result.archived;
    if (result.problem) {
      this.#problem = leafProblem(result.problem);
      return false;
    }
    if (result.root) this.#chunks.appendLeaf(result.root);
    this.#state.nextLeaf = result.end;
    return true;
  }

  #meet(cut: ChunkCut): boolean {
    const root = this.#rootAt(cut).toString("base64");
    const { targets } = this.plan;
    while (this.#state.target < targets.length && targets[this.#state.target]!.size <= cut.size) {
      const target = targets[this.#state.target++]!;
      if (target.size !== cut.size) continue;
      const lastSeq = target.lastSeq ?? cut.lastSeq;
      if (target.rootHash === root) {
        this.#state.matched = [...this.#state.matched, { lastSeq, note: target.note, signed: target.signed }].slice(-KEEP_MATCHED);
      } else if (this.#genuine(target)) {
        this.#problem = {
          code: "rewritten",
          message: `the tree's root at size ${cut.size} is not the one ${target.what} signed: history up to seq ${lastSeq} was rewritten and re-hashed`,
          range: { afterSeq: this.#lowerBound(), throughSeq: lastSeq },
        };
        return false;
      }
    }
    return true;
  }

  /** The tree's root at the cut: the chunks' frontier, then the pieces of the cut's own chunk. */
  #rootAt(cut: ChunkCut): Buffer {
    // A cut at the end of its chunk has the chunk's root as its one piece, which joins the chunks' frontier.
    if (cut.size % this.chunk === 0) {
      const chunks = new Frontier(this.#chunks.size, this.#chunks.hashes);
      chunks.appendLeaf(cut.hashes[0]!);
      return chunks.root();
    }
    return new Frontier(cut.size, [...this.#chunks.hashes, ...cut.hashes]).root();
  }

  /** A record read from a file only counts against the tree once its own signature holds. */
  #genuine(target: Target): boolean {
    if (target.signed) return true;
    try {
      const checkpoint = verifyCheckpoint(target.note, this.#key);
      return checkpoint.size === target.size && checkpoint.rootHash.toString("base64") === target.rootHash;
    } catch {
      return false;
    }
  }

  /** The newest root met whose signature holds: the change lies after it. */
  #lowerBound(): string | null {
    for (const matched of [...this.#state.matched].reverse())
      if (matched.signed || signedNote(matched.note, this.#key)) return matched.lastSeq;
    return null;
  }

  state(): WalkState {
    return { ...this.#state, frontier: new Frontier(this.#state.nextLeaf, this.#chunks.hashes).serialize().toString("base64") };
  }

  report(): LogReport {
    const counts = { checked: this.#state.checked, archived: this.#state.archived };
    const problem = this.#problem ?? this.#unsignedTail();
    if (problem) return failedReport(this.plan, problem, counts);
    return { ok: true, ...counts, unsealed: this.plan.unsealed, head: this.plan.head, outside: this.plan.outside, problem: null };
  }

  /** Leaves past the newest checkpoint: sealing writes both in one transaction, so these were added by hand. */
  #unsignedTail(): LogProblem | null {
    const signedSize = this.plan.head?.size ?? 0;
    if (this.plan.treeSize <= signedSize) return null;
    const afterSeq = this.plan.head ? this.plan.headLastSeq : null;
    return {
      code: "rewritten",
      message: `leaves ${signedSize} to ${this.plan.treeSize - 1} are in the tree without a signed checkpoint: they were added past the sequencer`,
      range: { afterSeq, throughSeq: this.plan.lastLeafSeq! },
    };
  }
}

function signedNote(note: string, key: PublicKeyInput): boolean {
  try {
    verifyCheckpoint(note, key);
    return true;
  } catch {
    return false;
  }
}

function leafProblem(problem: ChunkProblem): LogProblem {
  switch (problem.kind) {
    case "gap": {
      const gone: LogProblem = {
        code: "deleted",
        message: `leaf ${problem.leafIndex} is gone from the middle of the tree${problem.afterSeq ? ` (after seq ${problem.afterSeq})` : ""}: sealed events were deleted with their leaves`,
      };
      if (problem.nextSeq) gone.range = { afterSeq: problem.afterSeq, throughSeq: (BigInt(problem.nextSeq) - 1n).toString() };
      return gone;
    }
    case "missing-event":
      return {
        code: "missing-event",
        message: `event ${problem.seq} is sealed in leaf ${problem.leafIndex}, but its row is gone and no archive accounts for it`,
        firstBadSeq: problem.seq,
      };
    case "edited":
      return {
        code: "edited",
        message: `event ${problem.seq} no longer hashes to its sealed leaf ${problem.leafIndex}: it was changed after sealing`,
        firstBadSeq: problem.seq,
      };
  }
}
