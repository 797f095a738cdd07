import { deleteData, patchData, readData, writeData, type KvParams } from "@/lib/vault/kv-data";
import { vaultRoute } from "@/lib/vault/vault-route";

/** Vault KV v2 `data/`: read (`?version=`), create or rotate (`options.cas`), merge patch, recoverable delete. */
export const GET = vaultRoute<KvParams>(async (request, { caller, params }) => readData(request, caller, params));
export const POST = vaultRoute<KvParams>(async (request, { caller, params }) => writeData(request, caller, params));
export const PUT = POST;
export const PATCH = vaultRoute<KvParams>(async (request, { caller, params }) => patchData(request, caller, params));
export const DELETE = vaultRoute<KvParams>(async (request, { caller, params }) => deleteData(request, caller, params));
