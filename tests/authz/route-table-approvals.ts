// The approval routes (issue 16 §3, the two-person rule). A request needs a
// policy listing its action when it is made, not when it is decided: each
// prepare sets `default`'s policy, makes what it needs and clears the policy
// again, so the gate never reaches the other routes of the matrix. Only the
// POST's policy outlives its prepare, until the next entry's prepare.
import { userActor } from "@/lib/auth/actor";
import { setApprovalPolicy } from "@/lib/approvals/approval-policy";
import { requestApproval } from "@/lib/approvals/request-approval";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/support/factories";
import type { Escalation } from "./escalation-table";
import { NS, secret, system, unique } from "./fixtures";
import { ns, nsd, v1, type RouteEntry } from "./route-table-entry";

const clearPolicies = () => db.approvalPolicy.deleteMany({});

/** A pending request to delete a fresh secret in `default`, by `requester` (a fresh global owner unless named). */
export async function pendingDeleteRequest(requesterId?: string) {
  const requester = requesterId
    ? await db.user.findUniqueOrThrow({ where: { id: requesterId }, select: { id: true, email: true } })
    : (await createUser(`${unique("requester")}@example.com`, [{ role: "owner" }])).user;
  await setApprovalPolicy(system, NS, { actions: ["secret.delete"] });
  try {
    const name = await secret();
    return await requestApproval(userActor(requester), {
      namespace: NS,
      action: "secret.delete",
      target: { secret: name },
      reason: "matrix",
    });
  } finally {
    await clearPolicies();
  }
}

const item = `${v1}/approvals/[id]`;

export const APPROVAL_ROUTES: RouteEntry[] = [
  {
    method: "POST",
    path: "/api/v1/approvals",
    auth: "personal",
    ok: 201,
    file: `${v1}/approvals/route.ts`,
    prepare: async () => {
      await setApprovalPolicy(system, NS, { actions: ["secret.delete"] });
      return { body: { namespace: NS, action: "secret.delete", target: { secret: await secret() }, reason: "matrix" } };
    },
  },
  {
    method: "GET",
    path: "/api/v1/approvals",
    auth: "personal",
    ok: 200,
    file: `${v1}/approvals/route.ts`,
    prepare: async () => {
      await clearPolicies();
      return {};
    },
  },
  // Someone who could neither make nor decide a request is told it does not exist.
  {
    method: "GET",
    path: "/api/v1/approvals/{id}",
    auth: "personal",
    ok: 200,
    refusal: 404,
    file: `${item}/route.ts`,
    prepare: async () => ({ params: { id: (await pendingDeleteRequest()).id } }),
  },
  {
    method: "POST",
    path: "/api/v1/approvals/{id}/approve",
    auth: "personal",
    ok: 200,
    file: `${item}/approve/route.ts`,
    prepare: async () => ({ params: { id: (await pendingDeleteRequest()).id }, body: { note: "ok" } }),
  },
  {
    method: "POST",
    path: "/api/v1/approvals/{id}/deny",
    auth: "personal",
    ok: 200,
    file: `${item}/deny/route.ts`,
    prepare: async () => ({ params: { id: (await pendingDeleteRequest()).id }, body: {} }),
  },
  // Only the requester cancels. prepare does not know the caller, so the
  // request is the first member's: in the matrix the global owner caller
  // (made first), in the OpenAPI answers test the owner who calls. Escalation
  // rows have other callers cancel their own.
  {
    method: "POST",
    path: "/api/v1/approvals/{id}/cancel",
    auth: "personal",
    ok: 200,
    file: `${item}/cancel/route.ts`,
    prepare: async () => {
      const first = await db.user.findFirstOrThrow({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
      return { params: { id: (await pendingDeleteRequest(first.id)).id } };
    },
  },
  {
    method: "GET",
    path: `${ns}/approval-policy`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/approval-policy/route.ts`,
    prepare: async () => ({ params: { ns: NS } }),
  },
  // An empty list: the policy left behind gates nothing.
  {
    method: "PUT",
    path: `${ns}/approval-policy`,
    auth: "personal",
    ok: 200,
    file: `${nsd}/approval-policy/route.ts`,
    prepare: async () => ({ params: { ns: NS }, body: { actions: [], approvalMinutes: 30 } }),
  },
  { method: "GET", path: "/api/v1/approval-policy", auth: "personal", ok: 200, file: `${v1}/approval-policy/route.ts` },
  {
    method: "PUT",
    path: "/api/v1/approval-policy",
    auth: "personal",
    ok: 200,
    file: `${v1}/approval-policy/route.ts`,
    prepare: async () => ({ body: { actions: [] } }),
  },
];

/** The requester rule: nobody approves their own request, not even an owner; they may cancel it. */
export const APPROVAL_ESCALATIONS: Escalation[] = [
  {
    as: "owner global",
    does: "approves their own request",
    route: "POST /api/v1/approvals/{id}/approve",
    expect: 403,
    prepare: async (self) => ({ params: { id: (await pendingDeleteRequest(self)).id }, body: {} }),
  },
  {
    as: "editor default",
    does: "denies their own request",
    route: "POST /api/v1/approvals/{id}/deny",
    expect: 403,
    prepare: async (self) => ({ params: { id: (await pendingDeleteRequest(self)).id }, body: {} }),
  },
  {
    as: "editor default",
    does: "cancels their own request",
    route: "POST /api/v1/approvals/{id}/cancel",
    expect: 200,
    prepare: async (self) => ({ params: { id: (await pendingDeleteRequest(self)).id } }),
  },
];
