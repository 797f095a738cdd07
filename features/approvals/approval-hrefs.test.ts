import { describe, expect, it } from "vitest";
import { approvalAuditHref, approvalHref, approvalsHref, usedAuditHref } from "./approval-hrefs";

describe("approval links", () => {
  it("opens the list on To decide unless another tab is named", () => {
    expect(approvalsHref()).toBe("/approvals");
    expect(approvalsHref("decide")).toBe("/approvals");
    expect(approvalsHref("mine")).toBe("/approvals?tab=mine");
    expect(approvalHref("apr_a/b")).toBe("/approvals/apr_a%2Fb");
  });

  it("links a request to its own audit events by id", () => {
    expect(approvalAuditHref("apr_x1")).toBe("/audit?resourceId=apr_x1");
  });

  it("links a use to the gated action's events on its object around that moment", () => {
    const used = { action: "secret.reveal", namespace: "prod", target: { secret: "db" }, usedAt: "2026-12-02T19:00:00.000Z" };
    const params = new URL(usedAuditHref(used), "http://x").searchParams;
    expect(Object.fromEntries(params)).toEqual({
      action: "secret.reveal",
      namespace: "prod",
      q: "db",
      from: "2026-12-02T18:59:00.000Z",
      to: "2026-12-02T19:01:00.000Z",
    });
    // A binding's event is the service's.
    const binding = { ...used, action: "binding.create", target: { service: "web", secret: "db" } };
    expect(new URL(usedAuditHref(binding), "http://x").searchParams.get("q")).toBe("web");
    // The instance's re-wrap has no namespace and no object.
    const rewrap = { ...used, action: "key.rewrap_start", namespace: null, target: {} };
    expect([...new URL(usedAuditHref(rewrap), "http://x").searchParams.keys()]).toEqual(["action", "from", "to"]);
  });
});
