import "server-only";
import type { Actor } from "../../auth/actor";
import { audited } from "../../audit/audited";
import { authorize } from "../../rbac/authorize";
import { insertSecret } from "../create-secret";
import type { SecretSummary } from "../secret-dto";
import type { ManifestCreated } from "./manifest-dto.schema";
import type { ParsedManifest } from "./parse-manifest";

/**
 * Creates every Secret of a manifest in one transaction: all or none, as
 * the issue asks of a List (a name taken halfway rolls back the ones
 * before it). Each gets its own `secret.create` event, as a lone create.
 */
export async function createSecretsFromManifest(actor: Actor, namespace: string, manifest: ParsedManifest): Promise<ManifestCreated> {
  return audited(actor, "secret.create", async (tx) => {
    await authorize(tx, actor, "secret:create", namespace);
    const secrets: SecretSummary[] = [];
    for (const secret of manifest.secrets) {
      const spec = { name: secret.name, type: secret.type, labels: secret.labels ?? {}, immutable: secret.immutable ?? false };
      secrets.push(await insertSecret(tx, actor, namespace, spec, secret.entries));
    }
    return { secrets, warnings: manifest.warnings };
  });
}
