// What a value delivery (the runtime API, a Swarm task's secret) answers
// when its transaction fails. A known error keeps its own answer: a
// domain refusal its status, a database or KMS outage a 503 (lib/http/route.ts
// maps KMS errors), a stored version that does not decrypt a logged 500.
// Anything else means the audit event or the access row could not be
// written, and a read that cannot be audited is refused.
import { DecryptionError, KmsError, KmsUnavailableError, UnknownKeyError } from "../crypto/errors";
import { translatePrismaError } from "../db/prisma-errors";
import { DomainError, Unavailable } from "../errors";

export function unauditedReadFailure(error: unknown): Error {
  const translated = translatePrismaError(error);
  if (translated instanceof DomainError) return translated;
  if (
    error instanceof KmsUnavailableError ||
    error instanceof KmsError ||
    error instanceof DecryptionError ||
    error instanceof UnknownKeyError
  ) {
    return error;
  }
  return new Unavailable("the audit trail is unavailable, so no secret was delivered; try again later");
}
