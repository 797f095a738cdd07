import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { Conflict } from "../errors";
import { parseInput } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { secretDataSchema } from "./create-secret.schema";
import { findLiveSecretOrThrow } from "./find-secret";
import { secretDetail } from "./get-secret";
import { checkEntries, entriesFromInput, type SecretEntries } from "./secret-data";
import type { SecretDetail } from "./secret-dto";
import type { SecretType } from "./secret-types";
import { writeVersion } from "./write-version";

/** New data for a secret: a new version, which bindings then follow. */
export async function rotateSecret(
  actor: Actor,
  namespace: string,
  name: string,
  input: { data?: Record<string, string>; stringData?: Record<string, string> },
  entries?: SecretEntries,
): Promise<SecretDetail> {
  const data = entries ?? entriesFromInput(parseInput(secretDataSchema, input));
  return audited(actor, "secret.rotate", async (tx) => {
    await authorize(tx, actor, "secret:update", namespace);
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    await writeRotation(tx, actor, namespace, secret, data);
    return secretDetail(tx, secret.id);
  });
}

type LiveSecret = Awaited<ReturnType<typeof findLiveSecretOrThrow>>;

/**
 * The work of a rotation inside the caller's transaction (authorized by the caller); apply runs it too.
 * `details` adds to the audit event (a rotation policy's run says so: lib/rotation/run-rotation.ts).
 */
export async function writeRotation(
  tx: Tx,
  actor: Actor,
  namespace: string,
  secret: LiveSecret,
  data: SecretEntries,
  details: Record<string, string | boolean | number> = {},
): Promise<number> {
  const { name } = secret;
  if (secret.immutable) throw new Conflict(`secret '${name}' is immutable: its data cannot change (labels still can)`);
  checkEntries(secret.type as SecretType, data);
  const version = secret.currentVersion + 1;
  await writeVersion(tx, actor, secret.id, version, data);
  await tx.secret.update({
    where: { id: secret.id },
    data: { currentVersion: version, metaVersion: { increment: 1 }, updatedAt: new Date() },
  });
  await recordAudit(tx, actor, {
    action: "secret.rotate",
    resource: { type: "secret", id: secret.id, name },
    namespace,
    details: { ...details, version, keys: [...data.keys()].sort() },
  });
  return version;
}
