// Who sends an operation's requests, by the operation's security: mostly
// the caller it is for, now and then everyone else. An integration route
// gets its own kind of integration token most of the time, so hostile
// bodies reach the code behind the token check, and the other kind's token
// often enough to check it is refused with a 403 (fuzz-checks.ts). The
// Vault API (/v1) takes a member's token and a service's alike: both come
// often, and the integration tokens now and then (they must get a 403).
import fc from "fast-check";
import type { Caller } from "./fuzz-fixtures";

export type Auth = "service" | "personal" | "public" | "swarm" | "kms" | "vault";

/** The integration kind a route serves, by its path: the OpenAPI security says only "an integration token". */
export function authOf(path: string, security: string): Auth {
  if (security.includes("vaultToken")) return "vault";
  if (security.includes("integrationToken")) return path.includes("/kubernetes-kms/") ? "kms" : "swarm";
  return security.includes("serviceToken") ? "service" : security.includes("bearer") ? "personal" : "public";
}

const WEIGHTS: Record<Auth, [Caller, number][]> = {
  personal: [
    ["owner", 12],
    ["viewer", 3],
    ["service", 1],
    ["none", 1],
    ["bogus", 1],
  ],
  service: [
    ["service", 12],
    ["owner", 1],
    ["viewer", 1],
    ["none", 1],
    ["bogus", 1],
  ],
  public: [
    ["none", 8],
    ["owner", 1],
    ["bogus", 1],
  ],
  swarm: [
    ["swarm", 12],
    ["kms", 2],
    ["service", 1],
    ["owner", 1],
    ["none", 1],
    ["bogus", 1],
  ],
  vault: [
    ["owner", 8],
    ["service", 6],
    ["viewer", 3],
    ["swarm", 1],
    ["kms", 1],
    ["none", 1],
    ["bogus", 1],
  ],
  kms: [
    ["kms", 12],
    ["swarm", 2],
    ["service", 1],
    ["owner", 1],
    ["none", 1],
    ["bogus", 1],
  ],
};

export function callerArbitrary(auth: Auth): fc.Arbitrary<Caller> {
  return fc.oneof(...WEIGHTS[auth].map(([caller, weight]) => ({ weight, arbitrary: fc.constant(caller) })));
}

/** The other integration kind's caller, whose token this route must refuse with a 403. */
export function otherIntegration(auth: Auth): Caller | undefined {
  return auth === "swarm" ? "kms" : auth === "kms" ? "swarm" : undefined;
}

/**
 * Callers this route must answer 403 whatever the request: the other
 * integration kind; on the Vault API every integration token, and no or a
 * bad token too (Vault's status for them, where /api/v1 says 401).
 */
export function refusedCallers(auth: Auth): Caller[] {
  if (auth === "vault") return ["swarm", "kms", "none", "bogus"];
  const other = otherIntegration(auth);
  return other ? [other] : [];
}
