// For the runtime API: a service token reads only while
// the member who minted it still holds secret:bind in the service's
// namespace; tokens the system made are exempt. Hand-written rows.
import { systemActor } from "@/lib/auth/actor";
import { createServiceToken } from "@/lib/services/service-tokens";
import { grantRole, revokeGrant } from "@/lib/team/grants";
import { removeMember, setMemberDisabled } from "@/lib/team/members";
import { createServiceTokenRow, createUser } from "@/tests/support/factories";
import type { Caller } from "./drive";
import { boundService, NS, unique } from "./fixtures";

type Arranged = { token: string; value: string };
export type RuntimeRow = { name: string; expect: number; arrange: (callers: Caller[]) => Promise<Arranged> };

const system = systemActor();

/** A fresh deployer in `default` who mints a token for a bound service, through the lib as they would. */
async function deployerMints() {
  const { user, actor } = await createUser(`${unique("dep")}@example.com`);
  const grant = await grantRole(system, { userId: user.id, role: "deployer", namespace: NS });
  const bound = await boundService();
  const minted = await createServiceToken(actor, NS, bound.name, {});
  return { userId: user.id, grantId: grant.id, token: minted.token, value: bound.value };
}

export const RUNTIME_MATRIX: RuntimeRow[] = [
  {
    name: "a token the system created reads (createdById null is exempt)",
    expect: 200,
    arrange: async () => {
      const bound = await boundService();
      return { token: await createServiceTokenRow(bound.id, null), value: bound.value };
    },
  },
  {
    name: "a token a deployer minted reads",
    expect: 200,
    arrange: async () => deployerMints(),
  },
  {
    name: "a token a deployer minted is refused once their grant is revoked",
    expect: 403,
    arrange: async () => {
      const minted = await deployerMints();
      await revokeGrant(system, minted.grantId);
      return minted;
    },
  },
  {
    name: "a token a deployer minted is refused once they are disabled",
    expect: 403,
    arrange: async () => {
      const minted = await deployerMints();
      await setMemberDisabled(system, minted.userId, true);
      return minted;
    },
  },
  {
    name: "a token a deployer minted is refused once they are removed",
    expect: 403,
    arrange: async () => {
      const minted = await deployerMints();
      await removeMember(system, minted.userId);
      return minted;
    },
  },
  {
    name: "a token an operator made before secret:bind existed is refused",
    expect: 403,
    arrange: async (callers) => {
      const operator = callers.find((c) => c.role === "operator" && c.scope === "default")!;
      const bound = await boundService();
      return { token: await createServiceTokenRow(bound.id, operator.userId), value: bound.value };
    },
  },
];
