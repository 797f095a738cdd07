// Vault's answer shapes: every success in the same envelope Vault uses
// (clients such as Go's api.ParseSecret read `data`, `warnings`, `auth`
// from it), every failure as `{"errors":[…]}` with Vault's status codes.
// Coffer's own error answers (lib/http/route.ts) are translated here, in
// one place, so the /v1 routes keep every 4xx and 503 of the domain.

export const NO_STORE = { "Cache-Control": "no-store" };

/** Vault's success envelope around `data`. */
export function vaultEnvelope(data: unknown, request: Request, warnings?: string[]) {
  return {
    request_id: request.headers.get("x-request-id") ?? "",
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: warnings?.length ? warnings : null,
    auth: null,
  };
}

export function vaultJson(data: unknown, request: Request, options: { warnings?: string[]; status?: number } = {}): Response {
  return Response.json(vaultEnvelope(data, request, options.warnings), { status: options.status ?? 200, headers: NO_STORE });
}

export function vaultNoContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

export function vaultErrors(status: number, errors: string[], headers?: HeadersInit): Response {
  return Response.json({ errors }, { status, headers: { ...NO_STORE, ...headers } });
}

// Vault answers a missing or refused token with 403, and bad input,
// conflicts (a failed check-and-set) and refused content alike with 400.
const VAULT_STATUS: Record<number, number> = { 401: 403, 409: 400, 415: 400, 422: 400 };

/**
 * Coffer's `{"error":{code,message}}` answer as Vault's `{"errors":[message]}`.
 * Anything else passes as it is: successes, answers already in Vault's
 * shape, and sys/health's 501 and 503, whose body is the health report.
 */
export async function inVaultShape(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response.text();
  let message: string | null = null;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; approval?: unknown } } | null;
    if (typeof body?.error?.message === "string") message = body.error.message;
    // A Vault client has no field for the gate: the message says how to ask (issue 16 §3).
    if (message !== null && body?.error?.code === "approval_required" && body.error.approval) {
      message = `${message} (POST /api/v1/approvals with ${JSON.stringify({ ...(body.error.approval as object), reason: "<why>" })}, then retry with header X-Coffer-Approval: <id>)`;
    }
  } catch {
    // not JSON: Coffer's own answers always are, so this one is left alone
  }
  if (message === null) return new Response(text, { status: response.status, headers: response.headers });
  const status = VAULT_STATUS[response.status] ?? response.status;
  const headers: Record<string, string> = {};
  for (const name of ["retry-after", "allow"]) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  // Vault words a refusal "permission denied" first; clients and people grep for it.
  const shown = status === 403 && !message.startsWith("permission denied") ? `permission denied: ${message}` : message;
  return vaultErrors(status, [shown], headers);
}
