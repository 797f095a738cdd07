"use server";

// The console's "Import manifest": a Kubernetes Secret manifest (JSON or
// YAML, pasted or picked) is previewed (names, types, keys; never values),
// then created, all or none, by the same lib functions as the API's.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text } from "@/components/forms/read-form";
import { requireActor } from "@/lib/auth/current-actor";
import { createSecretsFromManifest } from "@/lib/secrets/kubernetes/create-from-manifest";
import { parseManifest, wipeManifest, type ParsedManifest } from "@/lib/secrets/kubernetes/parse-manifest";
import { previewManifest, type ManifestPreview } from "@/lib/secrets/kubernetes/preview-manifest";
import { formatOfText } from "@/lib/secrets/kubernetes/read-manifest";
import { secretHref, secretsHref } from "@/features/secrets/components/secret-hrefs";
import { formText } from "./form-input";

export type PreviewState = ActionState<"manifest"> & { preview?: ManifestPreview };

const FIELDS = ["manifest"] as const;

export async function previewManifestAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const actor = await requireActor();
  try {
    return { ok: true, preview: await previewManifest(actor, formText(form, "ns"), text(form, "manifest")) };
  } catch (error) {
    return failure(error, FIELDS);
  }
}

export async function importManifestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let ns: string;
  let names: string[];
  let manifest: ParsedManifest | undefined;
  try {
    ns = formText(form, "ns");
    const source = text(form, "manifest");
    manifest = parseManifest(source, formatOfText(source), ns);
    names = (await createSecretsFromManifest(actor, ns, manifest)).secrets.map((secret) => secret.name);
  } catch (error) {
    return failure(error, FIELDS);
  } finally {
    if (manifest) wipeManifest(manifest);
  }
  revalidatePath("/secrets", "layout");
  redirect(names.length === 1 ? secretHref(ns, names[0]!, { notice: "created" }) : secretsHref(ns));
}
