// What a failed job stores in its `error` column and shows in the console.
// Only errors written to be shown (the domain errors and the encryption
// module's, which name keys, secrets and variables but never carry key
// material or plaintext) pass through; anything else, a driver error that
// might quote row data for instance, is reduced to its class name and
// logged in full on the server instead.
import { DecryptionError, KeyringError, KmsError, KmsUnavailableError, UnknownKeyError } from "../crypto";
import { DomainError } from "../errors";

const SHOWABLE = [DomainError, DecryptionError, KeyringError, KmsError, KmsUnavailableError, UnknownKeyError];

const MAX_LENGTH = 500;

export function jobErrorMessage(error: unknown): string {
  if (SHOWABLE.some((type) => error instanceof type)) {
    return (error as Error).message.split("\n")[0]!.slice(0, MAX_LENGTH);
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `unexpected ${name}; the details are in the server log`;
}
