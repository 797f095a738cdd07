// Regression: with the keyring's KMS down, a secret read answered 500
// "internal error" — an outage looked like a bug, and nothing said retry.
import { describe, expect, it } from "vitest";
import { KmsError, KmsUnavailableError } from "../crypto/errors";
import { unauditedReadFailure } from "../secrets/unaudited-read-failure";
import { errorResponse } from "./route";

describe("a KMS outage in an API answer", () => {
  it("is a 503 with Retry-After naming the keyring entry, not its socket path", async () => {
    const response = errorResponse(new KmsUnavailableError("kms1", "/run/secret-dir/kms.sock", "ECONNREFUSED"), "req-1");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toContain('"kms1"');
    expect(body.error.message).not.toContain("/run/secret-dir");
  });

  it("is a 503 when the KMS answers with an error too", () => {
    expect(errorResponse(new KmsError("kms1", "Encrypt: PERMISSION_DENIED"), null).status).toBe(503);
  });

  it("keeps its own answer through a value delivery instead of blaming the audit trail", () => {
    const outage = new KmsUnavailableError("kms1", "/run/kms.sock", "no answer within 5000 ms");
    expect(unauditedReadFailure(outage)).toBe(outage);
    expect(unauditedReadFailure(new Error("insert failed")).message).toContain("audit trail is unavailable");
  });
});
