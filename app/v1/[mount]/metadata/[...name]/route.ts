import type { KvParams } from "@/lib/vault/kv-data";
import { deleteMetadata, listKeys, readMetadata, writeMetadata } from "@/lib/vault/kv-metadata";
import { isList } from "@/lib/vault/vault-path";
import { vaultRoute } from "@/lib/vault/vault-route";

/** Vault KV v2 `metadata/`: versions and custom_metadata (labels), LIST under a path, delete. */
export const GET = vaultRoute<KvParams>(async (request, { caller, params }) =>
  isList(request) ? listKeys(request, caller, params) : readMetadata(request, caller, params),
);
export const POST = vaultRoute<KvParams>(async (request, { caller, params }) => writeMetadata(request, caller, params));
export const PUT = POST;
export const DELETE = vaultRoute<KvParams>(async (request, { caller, params }) => deleteMetadata(request, caller, params));
