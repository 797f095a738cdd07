import "server-only";
import type { Actor } from "../auth/actor";
import { audited } from "../audit/audited";
import { recordAudit } from "../audit/record-audit";
import { applySecret } from "./apply-secret";
import type { AppliedSecret, ManifestApplied } from "./kubernetes/manifest-dto.schema";
import type { ParsedManifest } from "./kubernetes/parse-manifest";

/**
 * `kubectl apply` for Secrets: each Secret of the manifest is created, or
 * brought to what the manifest says (a new version only when the data
 * differs, labels when they differ), in one transaction: a refusal of any
 * item (an immutable secret's data, a type change, a permission) leaves
 * every secret as it was.
 *
 * Audit: the creates, rotations and label changes record their usual
 * events; one `secret.apply` event then lists every item with what was
 * done to it, `unchanged` included. Comparing is a read of the current
 * value (see applySecret), so the trail shows who compared, and when.
 */
export async function applyManifest(actor: Actor, namespace: string, manifest: ParsedManifest): Promise<ManifestApplied> {
  return audited(actor, "secret.apply", async (tx) => {
    const items: AppliedSecret[] = [];
    for (const secret of manifest.secrets) items.push(await applySecret(tx, actor, namespace, secret));
    const names = (action: string) => items.filter((item) => item.action === action).map((item) => item.name);
    await recordAudit(tx, actor, {
      action: "secret.apply",
      namespace,
      details: {
        created: names("created"),
        rotated: names("rotated"),
        labelsUpdated: names("labels-updated"),
        unchanged: names("unchanged"),
      },
    });
    return { items, warnings: manifest.warnings };
  });
}
