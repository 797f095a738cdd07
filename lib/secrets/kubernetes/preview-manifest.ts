import "server-only";
import type { Actor } from "../../auth/actor";
import { auditedRead } from "../../audit/audited";
import { authorize } from "../../rbac/authorize";
import { keyInfo, type KeyInfo } from "../secret-data";
import { parseManifest, wipeManifest } from "./parse-manifest";
import { formatOfText } from "./read-manifest";

export type ManifestPreview = {
  secrets: { name: string; type: string; keys: KeyInfo[]; labels: Record<string, string>; immutable: boolean }[];
  warnings: string[];
};

/**
 * What importing a manifest would create: names, types, key names and
 * sizes, labels. Never a value: the console shows this before the person
 * confirms. Checked exactly as the create will be, so a bad item is named
 * now rather than after "Create". A refusal is audited like a create's.
 */
export async function previewManifest(actor: Actor, namespace: string, text: string): Promise<ManifestPreview> {
  await auditedRead(actor, "secret.create", (tx) => authorize(tx, actor, "secret:create", namespace));
  const manifest = parseManifest(text, formatOfText(text), namespace);
  try {
    return {
      secrets: manifest.secrets.map((secret) => ({
        name: secret.name,
        type: secret.type,
        keys: keyInfo(secret.entries),
        labels: secret.labels ?? {},
        immutable: secret.immutable ?? false,
      })),
      warnings: manifest.warnings,
    };
  } finally {
    wipeManifest(manifest);
  }
}
