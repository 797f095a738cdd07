// Who sends an operation's requests, by the operation's security: mostly
// the caller it is for, now and then everyone else. An integration route
// gets its own kind of integration token most of the time, so hostile
// bodies reach the code behind the token check, and the other kind's token
// often enough to check it is refused with a 403 (fuzz-checks.ts).
import fc from "fast-check";
import type { Caller } from "./fuzz-fixtures";

export type Auth = "service" | "personal" | "public" | "swarm" | "kms";

/** The integration kind a route serves, by its path: the OpenAPI security says only "an integration token". */
export function authOf(path: string, security: string): Auth {
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
