import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { Forbidden } from "../errors";
import { INT4_MAX, parseInput, wholeNumber } from "../input/parse-input";
import { authorize } from "../rbac/authorize";
import { requireApproval } from "../approvals/require-approval";
import { findLiveSecretOrThrow } from "./find-secret";
import { readVersionWithTime } from "./read-version";
import { recordSecretAccess } from "./record-access";
import { base64Object, type SecretEntries } from "./secret-data";

export const revealSchema = z.object({ version: wholeNumber("version", 1, INT4_MAX).optional() });

export type RevealedSecret = { name: string; namespace: string; version: number; data: Record<string, string> };

/** A revealed version as bytes, with what a Vault client's answer shows beside them. */
export type RevealedEntries = {
  name: string;
  namespace: string;
  version: number;
  entries: SecretEntries;
  versionCreatedAt: Date;
  labels: Record<string, string>;
};

/**
 * The one way a person gets a value back: an API token whose user holds
 * secret:reveal (owners only by default). The console never calls this.
 */
export async function revealSecret(actor: Actor, namespace: string, name: string, input: unknown = {}): Promise<RevealedSecret> {
  const revealed = await revealSecretEntries(actor, namespace, name, input);
  return { name, namespace, version: revealed.version, data: base64Object(revealed.entries) };
}

/** revealSecret's work, answering bytes (the Vault API shows them as text). */
export async function revealSecretEntries(actor: Actor, namespace: string, name: string, input: unknown = {}): Promise<RevealedEntries> {
  const { version: requested } = parseInput(revealSchema, input);
  return audited(actor, "secret.reveal", async (tx) => {
    await authorize(tx, actor, "secret:reveal", namespace);
    if (actor.type === "user" && !actor.token) throw new Forbidden("secret values can only be revealed with an API token");
    const approval = await requireApproval(tx, actor, { action: "secret.reveal", namespace, target: { secret: name } });
    const secret = await findLiveSecretOrThrow(tx, namespace, name);
    const version = requested ?? secret.currentVersion;
    const { entries, createdAt } = await readVersionWithTime(tx, secret, version);
    if (actor.type === "user") await recordSecretAccess(tx, secret.id, { type: "user", id: actor.id, label: actor.label });
    await recordAudit(tx, actor, {
      action: "secret.reveal",
      resource: { type: "secret", id: secret.id, name },
      namespace,
      details: { version, keys: [...entries.keys()].sort(), ...(approval ? { approval } : {}) },
    });
    return { name, namespace, version, entries, versionCreatedAt: createdAt, labels: secret.labels as Record<string, string> };
  });
}
