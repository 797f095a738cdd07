import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { BadRequest, Forbidden, NotFound } from "../errors";
import { auditActions, testContext } from "../../tests/support/factories";
import { completeSetup, issueSetupToken, setupNeeded, setupTokenProblem } from "./setup";

const owner = { email: "Owner@Example.com", name: "Olga Owner", password: "correct horse battery" };

describe("first-run setup", () => {
  it("needs the token printed at start, then creates the owner and disappears", async () => {
    expect(await setupNeeded()).toBe(true);
    const token = await issueSetupToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // Only a hash is stored.
    const stored = await db.setupToken.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored.tokenHash).not.toContain(token!);

    // A wrong token is refused, audited, and writes no user.
    await expect(completeSetup({ ...owner, token: "not-the-token" }, testContext)).rejects.toBeInstanceOf(Forbidden);
    expect(await db.user.count()).toBe(0);

    // Malformed input names the field and writes nothing.
    await expect(completeSetup({ ...owner, token, password: "short" }, testContext)).rejects.toThrow(
      new BadRequest("password must be at least 12 characters", { field: "password" }),
    );
    await expect(completeSetup({ token, name: "x", password: owner.password }, testContext)).rejects.toThrow(/email/);

    // The setup form asks for the token's problem when the password was refused,
    // so both errors come back at once; a wrong token is audited as a denied setup.
    expect(await setupTokenProblem("not-the-token", testContext, "owner@example.com")).toBe("the setup token is not valid");
    expect(await setupTokenProblem(token!, testContext, "owner@example.com")).toBeNull();
    expect(await setupTokenProblem("  ", testContext)).toBe("token is required");

    // Two racing setups with the right token: exactly one owner results.
    const [first, second] = await Promise.allSettled([
      completeSetup({ ...owner, token }, testContext),
      completeSetup({ ...owner, email: "racer@example.com", token }, testContext),
    ]);
    const winners = [first, second].filter((r) => r.status === "fulfilled");
    expect(winners).toHaveLength(1);
    const loser = [first, second].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(NotFound);
    const user = (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof completeSetup>>>).value;
    expect(await db.user.count()).toBe(1);
    expect(user.name).toBe("Olga Owner");
    expect(["owner@example.com", "racer@example.com"]).toContain(user.email);
    const grants = await db.roleBinding.findMany({ where: { userId: user.id } });
    expect(grants).toEqual([expect.objectContaining({ roleId: "role_owner", namespaceId: null })]);

    // Once an owner exists, setup is gone, even with the right token.
    await expect(completeSetup({ ...owner, email: "second@example.com", token }, testContext)).rejects.toBeInstanceOf(NotFound);
    expect(await issueSetupToken()).toBeNull();
    expect(await setupNeeded()).toBe(false);
    expect(await db.setupToken.count()).toBe(0);

    expect(await auditActions()).toEqual([
      { action: "setup.complete", outcome: "denied", actorLabel: "owner@example.com" },
      { action: "setup.complete", outcome: "denied", actorLabel: "owner@example.com" },
      { action: "setup.complete", outcome: "success", actorLabel: user.email },
    ]);
  });
});
