// Binding a secret to a service, or minting a token for
// it, hands its values to whoever holds the token. Both need secret:bind in
// the namespace, and the refusal says why, since the name alone undersells it.
import type { Actor } from "../auth/actor";
import type { Tx } from "../db/client";
import { authorize, PermissionDenied } from "../rbac/authorize";

const WHY = {
  bind: "a bound secret's value is read by every token of the service",
  mint: "a service token reads the value of every secret bound to its service, now or later",
} as const;

/** Still a PermissionDenied, so audited() records the refusal as `denied`. */
class SecretBindDenied extends PermissionDenied {
  constructor(namespace: string, why: string) {
    super("secret:bind", namespace);
    this.message = `${this.message}: ${why}`;
  }
}

export async function authorizeSecretBind(tx: Tx, actor: Actor, namespace: string, action: keyof typeof WHY): Promise<void> {
  try {
    await authorize(tx, actor, "secret:bind", namespace);
  } catch (error) {
    if (error instanceof PermissionDenied) throw new SecretBindDenied(namespace, WHY[action]);
    throw error;
  }
}
