import { describe, expect, it } from "vitest";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { createSecret } from "../secrets/create-secret";
import { deleteSecret } from "../secrets/delete-secret";
import { DAY_MS } from "../time";
import { enqueueDueJobs } from "./recurring-jobs";
import { runNextJob } from "./run-next-job";

describe("recurring jobs", () => {
  it("purges secrets whose recovery window ended, once per schedule, leaving the others", async () => {
    for (const name of ["expired", "recent"]) {
      await createSecret(systemActor(), "default", { name, stringData: { value: "x" } });
      await deleteSecret(systemActor(), "default", name);
    }
    await db.secret.update({
      where: { namespaceId_name: { namespaceId: "ns_default", name: "expired" } },
      data: { deletedAt: new Date(Date.now() - 8 * DAY_MS) },
    });

    expect(await enqueueDueJobs()).toEqual(["secret-purge"]);
    expect(await enqueueDueJobs()).toEqual([]);
    expect(await runNextJob("test-worker")).toBe("finished");

    expect((await db.secret.findMany({ select: { name: true } })).map((s) => s.name)).toEqual(["recent"]);
    const purge = await db.auditEvent.findFirstOrThrow({ where: { action: "secret.purge" } });
    expect(purge).toMatchObject({ actorType: "system", resourceName: "expired", outcome: "success" });
    expect(purge.details).toEqual({ early: false });
    // Within the hour, nothing new is scheduled even though the job is done.
    expect(await enqueueDueJobs()).toEqual([]);
  });
});
