// /v1/{mount}/metadata/{name}: versions and custom_metadata (Coffer's
// labels) of a secret, never a value; and LIST of a mount's secret names.
import { config } from "../config/env";
import { NotFound } from "../errors";
import { jsonBody } from "../http/route";
import { parseInput } from "../input/parse-input";
import { deleteSecret } from "../secrets/delete-secret";
import { purgeSecret } from "../secrets/deleted-secrets";
import { getSecret } from "../secrets/get-secret";
import { listSecretNames } from "../secrets/list-secrets";
import { updateSecretLabels } from "../secrets/update-secret-labels";
import { inspectBoundSecret, listBoundSecretNames } from "../services/read-bound-secret";
import { kvMetadataBodySchema } from "./kv-bodies.schema";
import type { KvParams } from "./kv-data";
import { secretMetadata } from "./kv-shapes";
import { asCaller } from "./service-refusal";
import { namespaceOfMount, secretNameOf } from "./vault-path";
import { vaultErrors, vaultJson, vaultNoContent } from "./vault-response";
import type { VaultCaller } from "./vault-route";

async function metadataOf(caller: VaultCaller, namespace: string, name: string) {
  const maxVersions = config().COFFER_MAX_VERSIONS;
  if (caller.type === "service") {
    const bound = await inspectBoundSecret(caller, namespace, name);
    return secretMetadata({ ...bound, maxVersions });
  }
  const detail = await getSecret(caller, namespace, name);
  return secretMetadata({
    createdAt: new Date(detail.createdAt),
    updatedAt: new Date(detail.updatedAt),
    currentVersion: detail.version,
    labels: detail.labels,
    versions: detail.versions.map((v) => ({ version: v.version, createdAt: new Date(v.createdAt) })),
    maxVersions,
  });
}

export async function readMetadata(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  return vaultJson(await metadataOf(caller, namespaceOfMount(params.mount), secretNameOf(params.name, "read")), request);
}

/**
 * The names under a path. Coffer's names have no `/`, so only the mount's
 * root lists anything; the caller's own listing is still asked for, so a
 * path under a mount it may not see is refused rather than "empty".
 * Nothing to list is a 404, as in Vault.
 */
export async function listKeys(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const namespace = namespaceOfMount(params.mount);
  const names = caller.type === "service" ? await listBoundSecretNames(caller, namespace) : await listSecretNames(caller, namespace);
  const under = [params.name ?? []].flat().filter(Boolean);
  if (under.length) return vaultErrors(404, [`nothing under '${under.join("/").slice(0, 200)}/': Coffer's secret names have no '/'`]);
  if (!names.length) return vaultErrors(404, [`no secrets in mount '${params.mount}' that this token may list`]);
  return vaultJson({ keys: names }, request);
}

/** custom_metadata replaces the labels; Vault's other settings are accepted only at their neutral values. */
export async function writeMetadata(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const name = secretNameOf(params.name, "write");
  const namespace = namespaceOfMount(params.mount);
  const body = parseInput(kvMetadataBodySchema, await jsonBody(request));
  const change: Promise<unknown> = body.custom_metadata
    ? updateSecretLabels(caller, namespace, name, { labels: body.custom_metadata })
    : caller.type === "service"
      ? inspectBoundSecret(caller, namespace, name)
      : getSecret(caller, namespace, name);
  await asCaller(caller, "changing metadata", change);
  return vaultNoContent();
}

/**
 * Vault removes every version at once. Coffer never destroys a live secret
 * in one call: a live secret goes into the recovery window (as DELETE
 * data/), and a secret already there is purged (secret:purge).
 */
export async function deleteMetadata(_request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const name = secretNameOf(params.name, "write");
  const namespace = namespaceOfMount(params.mount);
  try {
    await asCaller(caller, "deleting", deleteSecret(caller, namespace, name));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    await asCaller(caller, "purging", purgeSecret(caller, namespace, name));
  }
  return vaultNoContent();
}
