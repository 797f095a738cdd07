import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { Conflict } from "../errors";
import { createSecret } from "../secrets/create-secret";
import { deleteSecret } from "../secrets/delete-secret";
import { DAY_MS, MINUTE_MS } from "../time";
import { claimJob } from "./claim-job";
import { enqueueJob } from "./enqueue-job";
import { jobHandler, jobKinds, registerJobHandler } from "./handlers";
import { runJob } from "./run-job";
import { runJobStep } from "./run-job-step";
import type { JobHandler } from "./types";
import { startJobWorker } from "./worker";

const enqueue = (kind: string, total = 0) => db.$transaction((tx) => enqueueJob(tx, { kind, total }));
const stateOf = async (id: string) => db.job.findUniqueOrThrow({ where: { id } });

/** A handler that does `size` items per step until `total` are done. */
function counting(size: number): JobHandler {
  return {
    async step(_tx, job) {
      const done = Math.min(size, job.total - job.progress);
      return { done, finished: job.progress + done >= job.total };
    },
  };
}

beforeEach(async () => {
  await db.job.deleteMany({});
});

describe("the job queue", () => {
  it("hands out queued jobs oldest first, only of the kinds asked for, each once", async () => {
    const first = await enqueue("alpha");
    const second = await enqueue("alpha");
    await enqueue("beta");
    const a = await claimJob("w1", ["alpha"]);
    const b = await claimJob("w2", ["alpha"]);
    expect([a?.id, b?.id]).toEqual([first.id, second.id]);
    expect(await claimJob("w3", ["alpha"])).toBeNull();
    expect(await claimJob("w3", [])).toBeNull();
    const claimed = await stateOf(first.id);
    expect(claimed).toMatchObject({ state: "running", lockedBy: "w1" });
    expect(claimed.startedAt).not.toBeNull();
    expect(claimed.heartbeatAt).not.toBeNull();
  });

  it("takes over a running job only once its heartbeat is older than 30 seconds", async () => {
    const job = await enqueue("alpha", 10);
    const held = (await claimJob("w1", ["alpha"]))!;
    await db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 20_000) } });
    expect(await claimJob("w2", ["alpha"])).toBeNull();
    await db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 31_000) } });
    const taken = await claimJob("w2", ["alpha"]);
    expect(taken).toMatchObject({ id: job.id, workerId: "w2" });
    // The old lease is void: its steps stop and change nothing.
    expect(await runJobStep(held, counting(5))).toBe("stopped");
    expect((await stateOf(job.id)).progress).toBe(0);
  });

  it("runs steps until finished, adding progress and renewing the heartbeat", async () => {
    const job = await enqueue("alpha", 10);
    const claimed = (await claimJob("w1", ["alpha"]))!;
    await db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 20_000) } });
    expect(await runJobStep(claimed, counting(4))).toBe("more");
    const after = await stateOf(job.id);
    expect(after.progress).toBe(4);
    expect(after.heartbeatAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(await runJob(claimed, counting(4))).toBe("finished");
    expect(await stateOf(job.id)).toMatchObject({ state: "done", progress: 10, lockedBy: null });
  });

  it("stores a failure with a message safe to show", async () => {
    const calls: string[] = [];
    const failing = (error: Error): JobHandler => ({
      step: async () => {
        throw error;
      },
      onFailed: async (_tx, job, message) => {
        calls.push(`${job.id}: ${message}`);
      },
    });
    const shown = await enqueue("alpha");
    expect(await runJob((await claimJob("w1", ["alpha"]))!, failing(new Conflict("the thing is in use")))).toBe("failed");
    expect(await stateOf(shown.id)).toMatchObject({ state: "failed", error: "the thing is in use", lockedBy: null });

    const hidden = await enqueue("alpha");
    const driverError = new TypeError("value 'CANARY-row-data' violates something");
    expect(await runJob((await claimJob("w1", ["alpha"]))!, failing(driverError))).toBe("failed");
    const stored = await stateOf(hidden.id);
    expect(stored.error).toBe("unexpected TypeError; the details are in the server log");
    expect(calls).toEqual([`${shown.id}: the thing is in use`, `${hidden.id}: ${stored.error}`]);
  });

  it("leaves a job resumable when the process shuts down under it", async () => {
    const shutdown = new AbortController();
    const between = await enqueue("alpha", 10);
    const stopsBetweenSteps: JobHandler = {
      async step() {
        shutdown.abort();
        return { done: 3, finished: false };
      },
    };
    expect(await runJob((await claimJob("w1", ["alpha"]))!, stopsBetweenSteps, shutdown.signal)).toBe("stopped");
    expect(await stateOf(between.id)).toMatchObject({ state: "running", progress: 3, lockedBy: "w1", error: null });

    const cut = new AbortController();
    const during = await enqueue("alpha", 10);
    const connectionCloses: JobHandler = {
      async step() {
        cut.abort();
        throw new Error("connection closed");
      },
    };
    expect(await runJob((await claimJob("w1", ["alpha"]))!, connectionCloses, cut.signal)).toBe("stopped");
    expect(await stateOf(during.id)).toMatchObject({ state: "running", progress: 0, lockedBy: "w1", error: null });
  });

  it.skipIf(process.env.COFFER_TEST_DB !== "postgres")("skips a job whose step is in progress, however old its heartbeat", async () => {
    const job = await enqueue("alpha", 2);
    const claimed = (await claimJob("w1", ["alpha"]))!;
    await db.job.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - MINUTE_MS) } });
    let release!: () => void;
    let entered!: () => void;
    const inStep = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: JobHandler = {
      async step() {
        entered();
        await gate;
        return { done: 1, finished: false };
      },
    };
    const stepping = runJobStep(claimed, slow);
    await inStep;
    expect(await claimJob("w2", ["alpha"])).toBeNull();
    release();
    expect(await stepping).toBe("more");
  });
});

describe("the handler registry", () => {
  it("knows the re-wrap job and takes new kinds", () => {
    expect(jobKinds()).toContain("rewrap");
    const handler = counting(1);
    registerJobHandler("test-registry", handler);
    expect(jobHandler("test-registry")).toBe(handler);
    expect(jobKinds()).toContain("test-registry");
  });
});

describe("the job worker", () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it("starts once per process, runs queued jobs, and survives a failing one", async () => {
    registerJobHandler("test-worker-ok", counting(3));
    registerJobHandler("test-worker-bad", {
      step: async () => {
        throw new Error("boom");
      },
    });
    const worker = startJobWorker({ intervalMs: 20 })!;
    stop = worker.stop;
    expect(startJobWorker()).toBe(worker);

    const bad = await enqueue("test-worker-bad");
    const ok = await enqueue("test-worker-ok", 7);
    await expect.poll(async () => (await stateOf(ok.id)).state, { timeout: 10_000 }).toBe("done");
    expect(await stateOf(bad.id)).toMatchObject({ state: "failed", error: "unexpected Error; the details are in the server log" });
    expect((await stateOf(ok.id)).progress).toBe(7);
  });

  it("schedules the recurring jobs itself: a secret past its recovery window is purged", async () => {
    await createSecret(systemActor(), "default", { name: "expired", stringData: { value: "x" } });
    await deleteSecret(systemActor(), "default", "expired");
    await db.secret.update({
      where: { namespaceId_name: { namespaceId: "ns_default", name: "expired" } },
      data: { deletedAt: new Date(Date.now() - 8 * DAY_MS) },
    });

    stop = startJobWorker({ intervalMs: 20 })!.stop;
    await expect.poll(() => db.secret.count({ where: { name: "expired" } }), { timeout: 10_000 }).toBe(0);
    expect(await db.job.findFirst({ where: { kind: "secret-purge" }, select: { state: true } })).toEqual({ state: "done" });
  });

  it("does not start while next build prerenders pages", () => {
    const phase = process.env.NEXT_PHASE;
    process.env.NEXT_PHASE = "phase-production-build";
    try {
      expect(startJobWorker()).toBeNull();
    } finally {
      process.env.NEXT_PHASE = phase;
      if (phase === undefined) delete process.env.NEXT_PHASE;
    }
  });
});
