// /v1/{mount}/data/{name}: a secret's values as a KV v2 store shows them.
// A service token reads only what is bound to its service (as the runtime
// API); a person reads a value only with secret:reveal, and writes with the
// console's permissions. Every path goes through lib/secrets or
// lib/services, which check, write and audit in one transaction.
import { jsonBody } from "../http/route";
import { parseInput } from "../input/parse-input";
import { deleteSecret } from "../secrets/delete-secret";
import { patchSecretData, putSecretData, type WrittenVersion } from "../secrets/put-secret-data";
import { revealSecretEntries } from "../secrets/reveal-secret";
import { readBoundSecret } from "../services/read-bound-secret";
import { kvPatchBodySchema, kvWriteBodySchema } from "./kv-bodies.schema";
import { kvValues, versionMetadata } from "./kv-shapes";
import { asCaller } from "./service-refusal";
import { namespaceOfMount, secretNameOf, versionQuery } from "./vault-path";
import { vaultJson, vaultNoContent } from "./vault-response";
import type { VaultCaller } from "./vault-route";

export type KvParams = { mount: string; name?: string | string[] };

export async function readData(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const namespace = namespaceOfMount(params.mount);
  const name = secretNameOf(params.name, "read");
  const version = versionQuery(request);
  const read =
    caller.type === "service"
      ? await readBoundSecret(caller, namespace, name, version)
      : await revealSecretEntries(caller, namespace, name, { version }).then((r) => ({ ...r, createdAt: r.versionCreatedAt }));
  try {
    const { data, warnings } = kvValues(read.entries);
    return vaultJson({ data, metadata: versionMetadata(read.version, read.createdAt, read.labels) }, request, { warnings });
  } finally {
    for (const bytes of read.entries.values()) bytes.fill(0);
  }
}

function writeAnswer(request: Request, written: WrittenVersion): Response {
  return vaultJson(versionMetadata(written.version, written.createdAt, written.labels), request);
}

export async function writeData(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const name = secretNameOf(params.name, "write");
  const body = parseInput(kvWriteBodySchema, await jsonBody(request));
  const write = putSecretData(caller, namespaceOfMount(params.mount), name, body.data, { cas: body.options?.cas });
  const written = await asCaller(caller, "writing", write);
  return writeAnswer(request, written);
}

export async function patchData(request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  const name = secretNameOf(params.name, "write");
  const body = parseInput(kvPatchBodySchema, await jsonBody(request));
  const patch = patchSecretData(caller, namespaceOfMount(params.mount), name, body.data, { cas: body.options?.cas });
  const written = await asCaller(caller, "patching", patch);
  return writeAnswer(request, written);
}

/** Coffer's recoverable delete: the whole secret goes into the recovery window (undelete/ brings it back). */
export async function deleteData(_request: Request, caller: VaultCaller, params: KvParams): Promise<Response> {
  await asCaller(caller, "deleting", deleteSecret(caller, namespaceOfMount(params.mount), secretNameOf(params.name, "write")));
  return vaultNoContent();
}
