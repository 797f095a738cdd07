// A reference to something that exists in the database (a secret name, a
// user id, an invite token), resolved when the request is sent. Generated
// values hold an index, not the thing, so a pool that changed during the
// run (a delete, a top-up) still yields a real value, and a shrunk request
// points at the first entry.
import fc from "fast-check";

export type PoolKind =
  | "namespace"
  | "secret"
  | "deletedSecret"
  | "service"
  | "userId"
  | "email"
  | "inviteId"
  | "inviteToken"
  | "resetToken"
  | "roleBindingId"
  | "role"
  | "serviceTokenId"
  | "accessTokenId"
  | "bindingTarget"
  | "integrationId"
  // A Swarm delivery's service and secret: the same index names one binding of one service.
  | "swarmService"
  | "swarmSecret"
  | "kmsCiphertext"
  | "kmsKeyId"
  // The Vault API's mounts (`secret` is `default`, the others namespace names), and the fixture service's bound secrets.
  | "mount"
  | "boundSecret";

export class PoolRef {
  constructor(
    readonly kind: PoolKind,
    readonly index: number,
    /** Appended to the value found: a Swarm secret's `@version`. */
    readonly suffix = "",
  ) {}

  toJSON() {
    return `<${this.kind}#${this.index}>${this.suffix}`;
  }
}

export const poolRef = (kind: PoolKind): fc.Arbitrary<PoolRef> => fc.nat({ max: 63 }).map((index) => new PoolRef(kind, index));

export type PoolLookup = (kind: PoolKind, index: number) => string;

/** Replaces every PoolRef in a value; keys stay own data properties (a `__proto__` key is kept as a key). */
export function resolveRefs(value: unknown, lookup: PoolLookup): unknown {
  if (value instanceof PoolRef) return lookup(value.kind, value.index) + value.suffix;
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, lookup));
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: resolveRefs((value as Record<string, unknown>)[key], lookup),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
