// The escalation paths as rows, hand-written: taking over an owner through
// a password reset, and reading values through a binding or a service token.
// Each row: who calls (one of the matrix's callers), what, and the status
// the spec demands. 403 rows must also leave exactly one denied event.
import type { RoleName, Scope } from "./expected-rows";
import { APPROVAL_ESCALATIONS } from "./route-table-approvals";
import {
  boundService,
  member,
  NS,
  owner,
  plainRole,
  revealerRole,
  revealingEditor,
  secret,
  service,
  tokenOf,
  unique,
  viewerGrantOf,
} from "./fixtures";
import type { Call } from "./route-table";
import { pendingTotpOf } from "./route-table-team";

export type Escalation = {
  as: `${RoleName} ${Scope}`;
  does: string;
  route: string;
  expect: number;
  /** Fresh state for this attempt; `self` is the caller's user id. */
  prepare: (self: string) => Promise<Call>;
};

type Target = () => Promise<string>;
type Act = { does: string; route: string; ok: number; prepare: (target: Target, self: string) => Promise<Call> };

// Everything the spec's "acting on another user" rule covers.
const ACTS: Act[] = [
  {
    does: "issues a password reset for",
    route: "POST /api/v1/users/{id}/password-reset",
    ok: 201,
    prepare: async (t) => ({ params: { id: await t() } }),
  },
  {
    does: "disables",
    route: "PATCH /api/v1/users/{id}",
    ok: 200,
    prepare: async (t) => ({ params: { id: await t() }, body: { disabled: true } }),
  },
  { does: "removes", route: "DELETE /api/v1/users/{id}", ok: 204, prepare: async (t) => ({ params: { id: await t() } }) },
  {
    does: "resets the second factor of",
    route: "DELETE /api/v1/users/{id}/mfa",
    ok: 204,
    prepare: async (t) => {
      const id = await t();
      await pendingTotpOf(id);
      return { params: { id } };
    },
  },
  {
    does: "lists the API tokens of",
    route: "GET /api/v1/users/{id}/tokens",
    ok: 200,
    prepare: async (t) => ({ params: { id: await t() } }),
  },
  {
    does: "revokes an API token of",
    route: "DELETE /api/v1/users/{id}/tokens/{tokenId}",
    ok: 204,
    prepare: async (t) => {
      const id = await t();
      return { params: { id, tokenId: await tokenOf(id) } };
    },
  },
  {
    does: "grants viewer in default to",
    route: "POST /api/v1/role-bindings",
    ok: 201,
    prepare: async (t) => ({ body: { userId: await t(), role: "viewer", namespace: NS } }),
  },
  {
    does: "revokes a viewer grant of",
    route: "DELETE /api/v1/role-bindings/{id}",
    ok: 204,
    prepare: async (t) => ({ params: { id: await viewerGrantOf(await t()) } }),
  },
];

const disabledOwner = () => owner({ disabled: true });
const enable: Act = {
  does: "enables",
  route: "PATCH /api/v1/users/{id}",
  ok: 200,
  prepare: async (t) => ({ params: { id: await t() }, body: { disabled: false } }),
};

function onTarget(
  targetName: string,
  target: Target,
  acts: Act[],
  expectations: Partial<Record<Escalation["as"], "403" | "ok">>,
): Escalation[] {
  return acts.flatMap((act) =>
    Object.entries(expectations).map(([as, outcome]) => ({
      as: as as Escalation["as"],
      does: `${act.does} ${targetName}`,
      route: act.route,
      expect: outcome === "ok" ? act.ok : 403,
      prepare: (self: string) => act.prepare(target, self),
    })),
  );
}

const role = (permissions: string[]) => async () => ({ body: { name: unique("esc"), permissions } });

export const ESCALATIONS: Escalation[] = [
  // Finding 1: only owners act on owners.
  ...onTarget("an owner", owner, ACTS, { "admin global": "403", "owner global": "ok" }),
  ...onTarget("a disabled owner", disabledOwner, [enable], { "admin global": "403", "owner global": "ok" }),
  // Finding 1: the actor must hold everything the target holds, scope by scope.
  ...onTarget("an editor holding secret:reveal in default", revealingEditor, [...ACTS, enable], {
    "admin global": "403",
    "owner global": "ok",
  }),

  // Granting: nobody hands out more than they hold, and the refusal is audited.
  {
    as: "admin global",
    does: "grants themselves owner",
    route: "POST /api/v1/role-bindings",
    expect: 403,
    prepare: async (self) => ({ body: { userId: self, role: "owner" } }),
  },
  {
    as: "viewer global",
    does: "grants themselves owner",
    route: "POST /api/v1/role-bindings",
    expect: 403,
    prepare: async (self) => ({ body: { userId: self, role: "owner" } }),
  },
  {
    as: "admin default",
    does: "grants themselves owner in default",
    route: "POST /api/v1/role-bindings",
    expect: 403,
    prepare: async (self) => ({ body: { userId: self, role: "owner", namespace: NS } }),
  },
  {
    as: "admin global",
    does: "grants owner to a member",
    route: "POST /api/v1/role-bindings",
    expect: 403,
    prepare: async () => ({ body: { userId: await member(), role: "owner" } }),
  },
  {
    as: "admin global",
    does: "grants deployer (secret:bind) to a member",
    route: "POST /api/v1/role-bindings",
    expect: 403,
    prepare: async () => ({ body: { userId: await member(), role: "deployer", namespace: NS } }),
  },
  {
    as: "owner global",
    does: "grants deployer to a member",
    route: "POST /api/v1/role-bindings",
    expect: 201,
    prepare: async () => ({ body: { userId: await member(), role: "deployer", namespace: NS } }),
  },
  {
    as: "admin global",
    does: "invites an owner",
    route: "POST /api/v1/invites",
    expect: 403,
    prepare: async () => ({ body: { email: `${unique("inv")}@example.com`, role: "owner" } }),
  },
  {
    as: "admin global",
    does: "invites a deployer",
    route: "POST /api/v1/invites",
    expect: 403,
    prepare: async () => ({ body: { email: `${unique("inv")}@example.com`, role: "deployer", namespace: NS } }),
  },
  {
    as: "owner global",
    does: "invites an owner",
    route: "POST /api/v1/invites",
    expect: 201,
    prepare: async () => ({ body: { email: `${unique("inv")}@example.com`, role: "owner" } }),
  },
  {
    as: "admin global",
    does: "resets their own second factor",
    route: "DELETE /api/v1/users/{id}/mfa",
    expect: 403,
    // Refused before it looks for a second factor: the caller needs none.
    prepare: async (self) => ({ params: { id: self } }),
  },
  {
    as: "admin global",
    does: "issues a reset link for themselves",
    route: "POST /api/v1/users/{id}/password-reset",
    expect: 403,
    prepare: async (self) => ({ params: { id: self } }),
  },

  // Role edits: the actor holds every permission of the role before and after.
  {
    as: "admin global",
    does: "creates a role with secret:bind",
    route: "POST /api/v1/roles",
    expect: 403,
    prepare: role(["secret:list", "secret:bind"]),
  },
  {
    as: "admin global",
    does: "creates a role with secret:reveal",
    route: "POST /api/v1/roles",
    expect: 403,
    prepare: role(["secret:list", "secret:reveal"]),
  },
  {
    as: "owner global",
    does: "creates a role with secret:bind",
    route: "POST /api/v1/roles",
    expect: 201,
    prepare: role(["secret:list", "secret:bind"]),
  },
  {
    as: "admin global",
    does: "adds secret:bind to a role",
    route: "PATCH /api/v1/roles/{name}",
    expect: 403,
    prepare: async () => ({ params: { name: await plainRole() }, body: { permissions: ["secret:list", "secret:bind"] } }),
  },
  {
    as: "admin global",
    does: "takes secret:reveal out of a role",
    route: "PATCH /api/v1/roles/{name}",
    expect: 403,
    prepare: async () => ({ params: { name: await revealerRole() }, body: { permissions: ["secret:list"] } }),
  },
  {
    as: "owner global",
    does: "takes secret:reveal out of a role",
    route: "PATCH /api/v1/roles/{name}",
    expect: 200,
    prepare: async () => ({ params: { name: await revealerRole() }, body: { permissions: ["secret:list"] } }),
  },
  {
    as: "admin global",
    does: "deletes a role holding secret:reveal",
    route: "DELETE /api/v1/roles/{name}",
    expect: 403,
    prepare: async () => ({ params: { name: await revealerRole() } }),
  },
  {
    as: "owner global",
    does: "deletes a role holding secret:reveal",
    route: "DELETE /api/v1/roles/{name}",
    expect: 204,
    prepare: async () => ({ params: { name: await revealerRole() } }),
  },

  // Finding 2: binding and minting are reads; operator may not, deployer may.
  {
    as: "operator default",
    does: "binds a secret to a service",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/bindings",
    expect: 403,
    prepare: async () => ({ params: { ns: NS, name: await service() }, body: { secret: await secret() } }),
  },
  {
    as: "operator global",
    does: "binds a secret to a service",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/bindings",
    expect: 403,
    prepare: async () => ({ params: { ns: NS, name: await service() }, body: { secret: await secret() } }),
  },
  {
    as: "operator default",
    does: "mints a service token",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/tokens",
    expect: 403,
    prepare: async () => ({ params: { ns: NS, name: (await boundService()).name }, body: {} }),
  },
  {
    as: "operator global",
    does: "mints a service token",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/tokens",
    expect: 403,
    prepare: async () => ({ params: { ns: NS, name: (await boundService()).name }, body: {} }),
  },
  {
    as: "admin global",
    does: "mints a service token",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/tokens",
    expect: 403,
    prepare: async () => ({ params: { ns: NS, name: (await boundService()).name }, body: {} }),
  },
  {
    as: "deployer default",
    does: "binds a secret to a service",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/bindings",
    expect: 201,
    prepare: async () => ({ params: { ns: NS, name: await service() }, body: { secret: await secret() } }),
  },
  {
    as: "deployer default",
    does: "mints a service token that reads the bound value",
    route: "POST /api/v1/namespaces/{ns}/services/{name}/tokens",
    expect: 201,
    prepare: async () => {
      const bound = await boundService();
      return { params: { ns: NS, name: bound.name }, body: {}, expect: bound.value };
    },
  },
  ...APPROVAL_ESCALATIONS,
];
