import { describe, expect, it } from "vitest";
import { parentsOf, pathProblem, planDelivery } from "./delivery-plan";
import type { DeliveredSecret } from "../../../contracts/src/runtime/delivery";

const b64 = (text: string) => Buffer.from(text).toString("base64");

function secret(overrides: Partial<DeliveredSecret> = {}): DeliveredSecret {
  const target = overrides.target ?? "db_pw";
  return {
    secret: "db_pw",
    version: 2,
    target,
    uid: 1000,
    gid: 1000,
    mode: "0400",
    envName: null,
    kind: "file",
    files: [{ path: target, data: b64("v") }],
    ...overrides,
  };
}

describe("pathProblem", () => {
  it("accepts plain relative paths", () => {
    for (const ok of ["db_pw", "certs/tls/tls.key", "a.b-c_d", ".hidden"]) expect(pathProblem(ok)).toBeNull();
  });

  it("refuses anything that could leave the directory or hit the agent's own files", () => {
    for (const bad of ["", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", ".", "..", "a\\b", "sp ace", "a/\0"]) {
      expect(pathProblem(bad), bad).not.toBeNull();
    }
    expect(pathProblem(".coffer-agent.json")).toBe("a name the agent keeps for itself");
    expect(pathProblem("a/.coffer-tmp-1234")).toBe("a name the agent keeps for itself");
  });
});

describe("planDelivery", () => {
  it("decodes each file with its binding's mode, owner and version", () => {
    const plan = planDelivery([
      secret(),
      secret({
        secret: "tls",
        target: "certs/tls",
        kind: "dir",
        mode: "0444",
        uid: 0,
        gid: 0,
        files: [
          { path: "certs/tls/tls.crt", data: b64("c") },
          { path: "certs/tls/tls.key", data: b64("k") },
        ],
      }),
    ]);
    expect(plan.problems).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.data.toString(), f.mode, f.uid, f.gid, f.version])).toEqual([
      ["db_pw", "v", 0o400, 1000, 1000, 2],
      ["certs/tls/tls.crt", "c", 0o444, 0, 0, 2],
      ["certs/tls/tls.key", "k", 0o444, 0, 0, 2],
    ]);
  });

  it("skips a binding whose paths are unsafe or outside its target, naming it without its data", () => {
    const plan = planDelivery([
      secret({ target: "../etc/cron.d/x", files: [{ path: "../etc/cron.d/x", data: b64("SECRET-VALUE") }] }),
      secret({ secret: "tls", target: "tls", kind: "dir", files: [{ path: "elsewhere/k", data: b64("SECRET-VALUE") }] }),
      secret({ secret: "k8s", target: "k", kind: "dir", files: [{ path: "k/..", data: b64("SECRET-VALUE") }] }),
      secret({ secret: "ok", target: "ok", files: [{ path: "ok", data: b64("fine") }] }),
    ]);
    expect(plan.files.map((f) => f.path)).toEqual(["ok"]);
    expect(plan.skippedTargets).toEqual(["../etc/cron.d/x", "tls", "k"]);
    expect(plan.problems[0]).toMatch(/^secret db_pw \(target \.\.\/etc\/cron\.d\/x\) not delivered: target is not a plain relative path/);
    expect(plan.problems[1]).toBe('secret tls (target tls) not delivered: file path "elsewhere/k" is outside its target tls');
    expect(plan.problems.join("\n")).not.toContain("SECRET-VALUE");
  });

  it("skips a binding whose path clashes with an earlier one (a file cannot also be a directory)", () => {
    const plan = planDelivery([secret({ target: "a" }), secret({ secret: "b", target: "a/b" })]);
    expect(plan.files.map((f) => f.path)).toEqual(["a"]);
    expect(plan.problems).toEqual(["secret b (target a/b) not delivered: its path clashes with a, delivered for another binding"]);
  });

  it("refuses modes and ids that are not what the API promises", () => {
    expect(planDelivery([secret({ mode: "4755" })]).problems[0]).toMatch(/mode "4755" is not an octal file mode/);
    expect(planDelivery([secret({ uid: -1 })]).problems[0]).toMatch(/uid or gid is not a valid id/);
  });

  it("reports a binding delivered without data (its key is gone from the version)", () => {
    expect(planDelivery([secret({ files: [] })]).problems).toEqual([
      "secret db_pw (target db_pw) not delivered: version 2 has no data for this binding (was its key removed?)",
    ]);
  });
});

describe("parentsOf", () => {
  it("lists the directories a path sits in, shallowest first", () => {
    expect(parentsOf("a/b/c")).toEqual(["a", "a/b"]);
    expect(parentsOf("a")).toEqual([]);
  });
});
