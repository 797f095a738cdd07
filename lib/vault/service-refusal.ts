// A service token through a person's door (a write, a delete, a metadata
// change): the domain function refuses it like any caller without the
// permission, and records the denial (audited()); here the answer only
// says why, in words a Vault client's user understands.
import { PermissionDenied } from "../rbac/authorize";
import { Forbidden } from "../errors";
import type { VaultCaller } from "./vault-route";

export async function asCaller<T>(caller: VaultCaller, what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (caller.type === "service" && error instanceof PermissionDenied) {
      throw new Forbidden(`a service token only reads its bound secrets; ${what} needs a person's API token`);
    }
    throw error;
  }
}
