"use client";

import { useActionState, useId, useState, type FormEvent } from "react";
import { importManifestAction, previewManifestAction, type PreviewState } from "@/features/secrets/manifest-actions";
import type { ActionState } from "@/components/forms/action-state";
import { FieldMessage } from "@/components/forms/field-message";
import { submitWithoutReset } from "@/components/forms/submit-without-reset";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { ManifestPreviewTable } from "./manifest-preview-table";

const fileClass =
  "block w-full text-sm text-zinc-600 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-zinc-800 hover:file:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:file:bg-zinc-800 dark:file:text-zinc-100 dark:hover:file:bg-zinc-700";

/**
 * "Import manifest": a Kubernetes Secret manifest (JSON or YAML; a List or
 * several documents) pasted or picked, previewed by the server (names,
 * types, keys and sizes; no value ever comes back), then created all or
 * none. The preview belongs to the text it was made from: editing the text
 * hides it, so what is created is what was shown.
 */
export function ImportManifestForm({ ns, maxBytes, onCancel }: { ns: string; maxBytes: number; onCancel: () => void }) {
  const [manifest, setManifest] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, dispatchPreview, previewing] = useActionState<PreviewState, FormData>(async (prev, form) => {
    const next = await previewManifestAction(prev, form);
    setPreviewed(next.ok ? String(form.get("manifest")) : null);
    return next;
  }, {});
  const [created, dispatchCreate, creating] = useActionState<ActionState, FormData>(
    async (prev, form) => (await importManifestAction(prev, form)) ?? prev,
    {},
  );
  const id = useId();
  const shown = preview.ok && preview.preview && previewed === manifest ? preview.preview : null;
  const error = preview.fieldErrors?.manifest ?? fileError;

  async function pick(file: File | undefined) {
    setFileError(undefined);
    if (!file) return;
    // Text read in the browser only to fill the box; the server parses it.
    if (file.size > 3 * maxBytes) return setFileError(`This file is ${file.size} bytes; a manifest here is at most ${3 * maxBytes} bytes.`);
    setManifest(await file.text());
  }

  // One form, two buttons: the manifest sits in the page once (the box), not again in a hidden field.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    submitWithoutReset(intent === "create" ? dispatchCreate : dispatchPreview)(event);
  };

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div className="space-y-3">
        {preview.error ? <Alert>{preview.error}</Alert> : null}
        <input type="hidden" name="ns" value={ns} />
        <div className="space-y-1.5">
          <label htmlFor={`${id}-manifest`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Manifest
          </label>
          <Textarea
            id={`${id}-manifest`}
            name="manifest"
            value={manifest}
            onChange={(event) => setManifest(event.target.value)}
            required
            rows={10}
            spellCheck={false}
            autoComplete="off"
            placeholder={"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-pw\nstringData:\n  password: …"}
            className="font-mono text-xs"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-manifest-message`}
          />
          <FieldMessage id={`${id}-manifest-message`} error={error} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            A Kubernetes Secret, a List, or several YAML documents, e.g. from{" "}
            <code className="font-mono">kubectl create secret … --dry-run=client -o yaml</code>. Annotations are not kept.
          </p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            type="file"
            aria-label="Manifest file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            onChange={(event) => void pick(event.currentTarget.files?.[0])}
            className={fileClass}
          />
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={previewing || !manifest.trim()}>
            {previewing ? "Checking…" : "Preview"}
          </Button>
        </div>
      </div>
      {shown ? (
        <div className="space-y-4">
          {created.error ? <Alert>{created.error}</Alert> : null}
          {created.fieldErrors?.manifest ? <Alert>{created.fieldErrors.manifest}</Alert> : null}
          <ManifestPreviewTable preview={shown} />
          <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" name="intent" value="create" disabled={creating}>
              {creating ? "Creating…" : shown.secrets.length === 1 ? "Create secret" : `Create ${shown.secrets.length} secrets`}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
