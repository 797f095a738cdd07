// The two-person rule, handled once for every command: when the server
// answers 403 approval_required, its body names the gate (action, namespace,
// target). With --reason the CLI requests an approval for exactly that gate
// (or finds the one already pending) and prints "approval pending: <url>";
// with --wait it polls the request until someone decides, then repeats the
// very same call with X-Coffer-Approval. Commands never see any of it.
import type { ApiClient, RequestOptions } from "./api-client";
import type { ApprovalOptions } from "./approval-flags";
import type { CliContext } from "./context";
import { ApiError, CliError } from "./errors";
import { APPROVAL_HEADER, type ApprovalDto, type ApprovalGate, type ApprovalListDto } from "../../contracts/src/approvals/approval-dto";

export type { ApprovalGate };

const DEFAULT_POLL_MS = 2_000;

/** The gate a 403 approval_required carries, or null for any other failure. */
export function approvalGate(error: unknown): ApprovalGate | null {
  if (!(error instanceof ApiError) || error.code !== "approval_required") return null;
  const gate = error.detail?.approval as Partial<ApprovalGate> | undefined;
  if (!gate || typeof gate.action !== "string" || typeof gate.target !== "object" || gate.target === null) return null;
  return {
    action: gate.action as ApprovalGate["action"],
    namespace: typeof gate.namespace === "string" ? gate.namespace : null,
    target: gate.target,
  };
}

export function withApprovals(client: ApiClient, ctx: CliContext): ApiClient {
  const options = ctx.approval ?? {};
  return {
    server: client.server,
    stream: (path, query) => client.stream(path, query),
    async request<T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<T> {
      try {
        return await client.request<T>(method, path, requestOptions);
      } catch (error) {
        const gate = approvalGate(error);
        if (!gate) throw error;
        const id = await approvedRequest(client, ctx, options, gate, (error as ApiError).message);
        // Once: a second refusal (the approval was used meanwhile) is the server's to explain.
        return client.request<T>(method, path, { ...requestOptions, headers: { ...requestOptions.headers, [APPROVAL_HEADER]: id } });
      }
    },
  };
}

/** The id of an approved request for the gate, after requesting and waiting as the flags say; throws otherwise. */
async function approvedRequest(client: ApiClient, ctx: CliContext, options: ApprovalOptions, gate: ApprovalGate, message: string) {
  const pending = await pendingRequestFor(client, gate);
  if (!pending && !options.reason) {
    throw new CliError(
      `Error response from server: ${message}\n` +
        `To request it, repeat the command with --reason "<why>" (and --wait to wait for the decision).`,
    );
  }
  const request =
    pending ?? (await client.request<ApprovalDto>("POST", "/api/v1/approvals", { body: { ...gate, reason: options.reason } }));
  ctx.stderr.write(`approval pending: ${request.url}\n`);
  if (!options.wait) {
    throw new CliError(
      pending
        ? "It was requested before; run the command again once it is approved, or add --wait to wait for it."
        : "Run the command again once it is approved, or add --wait to wait for it.",
    );
  }
  ctx.stderr.write("waiting for a decision (Ctrl-C stops waiting; the request stays open)\n");
  return waitForDecision(client, ctx, request.id, options.pollMs ?? DEFAULT_POLL_MS);
}

/** The caller's own pending request for this very gate: asked again, the CLI waits on it rather than asking twice. */
async function pendingRequestFor(client: ApiClient, gate: ApprovalGate): Promise<ApprovalDto | null> {
  const { items } = await client.request<ApprovalListDto>("GET", "/api/v1/approvals", {
    query: [
      ["scope", "mine"],
      ["status", "pending"],
    ],
  });
  return items.find((item) => sameGate(item, gate)) ?? null;
}

export function sameGate(request: Pick<ApprovalDto, "action" | "namespace" | "target">, gate: ApprovalGate): boolean {
  if (request.action !== gate.action || (request.namespace ?? null) !== gate.namespace) return false;
  const a = Object.entries(request.target).sort(([x], [y]) => x.localeCompare(y));
  const b = Object.entries(gate.target).sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(a) === JSON.stringify(b);
}

async function waitForDecision(client: ApiClient, ctx: CliContext, id: string, pollMs: number): Promise<string> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const request = await client.request<ApprovalDto>("GET", `/api/v1/approvals/${encodeURIComponent(id)}`);
    if (request.status === "approved") {
      ctx.stderr.write(
        `approved${request.decidedBy ? ` by ${request.decidedBy.email}` : ""}${request.decisionNote ? `: ${request.decisionNote}` : ""}\n`,
      );
      return request.id;
    }
    if (request.status !== "pending") throw new CliError(endedText(request));
  }
}

/** Why waiting ended without an approval: denied (with the note), cancelled, expired, used elsewhere. */
export function endedText(request: Pick<ApprovalDto, "id" | "status" | "decidedBy" | "decisionNote" | "expiresAt">): string {
  const note = request.decisionNote ? `: ${request.decisionNote}` : "";
  switch (request.status) {
    case "denied":
      return `approval ${request.id} was denied${request.decidedBy ? ` by ${request.decidedBy.email}` : ""}${note}`;
    case "cancelled":
      return `approval ${request.id} was cancelled${note}`;
    case "expired":
      return `approval ${request.id} expired at ${request.expiresAt} before it was used`;
    case "used":
      return `approval ${request.id} was already used`;
    default:
      return `approval ${request.id} is ${request.status}`;
  }
}
