"use server";

// The console's approval actions. Each is a public POST endpoint: it
// resolves the actor itself and calls the same lib function as the API,
// which authorizes (the requester and the approver both need the action's
// permission; nobody decides their own request) and audits.
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { text, texts } from "@/components/forms/read-form";
import { cancelApproval, decideApproval } from "@/lib/approvals/decide-approval";
import { setApprovalPolicy } from "@/lib/approvals/approval-policy";
import { requestApproval } from "@/lib/approvals/request-approval";
import { requireActor } from "@/lib/auth/current-actor";
import { BadRequest } from "@/lib/errors";

export type RequestApprovalState = ActionState<"reason"> & { request?: { id: string } };

/** The gate as the form carries it (hidden fields from the refused action's answer). */
function targetFromForm(form: FormData): Record<string, string> {
  try {
    const target: unknown = JSON.parse(text(form, "target") || "{}");
    if (target && typeof target === "object" && !Array.isArray(target)) return target as Record<string, string>;
  } catch {
    // answered below
  }
  throw new BadRequest("target must be an object of names");
}

export async function requestApprovalAction(_prev: RequestApprovalState, form: FormData): Promise<RequestApprovalState> {
  const actor = await requireActor();
  try {
    const namespace = text(form, "namespace");
    const request = await requestApproval(actor, {
      ...(namespace ? { namespace } : {}),
      action: text(form, "action"),
      target: targetFromForm(form),
      reason: text(form, "reason"),
    });
    revalidatePath("/approvals", "layout");
    return { ok: true, request: { id: request.id } };
  } catch (error) {
    return failure(error, ["reason"]);
  }
}

export async function decideApprovalAction(_prev: ActionState<"note">, form: FormData): Promise<ActionState<"note">> {
  const actor = await requireActor();
  try {
    const decision = text(form, "decision");
    if (decision !== "approve" && decision !== "deny") throw new BadRequest("decision must be approve or deny");
    const note = text(form, "note").trim();
    await decideApproval(actor, text(form, "id"), decision, { note: note || undefined });
  } catch (error) {
    return failure(error, ["note"]);
  }
  // The nav's badge counts what is left to decide.
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function cancelApprovalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await cancelApproval(actor, text(form, "id"));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

/** A namespace's policy (`ns` set) or the instance's (key re-wrap). */
export async function setApprovalPolicyAction(
  _prev: ActionState<"actions" | "approvalMinutes">,
  form: FormData,
): Promise<ActionState<"actions" | "approvalMinutes">> {
  const actor = await requireActor();
  const ns = text(form, "ns");
  try {
    const minutes = text(form, "approvalMinutes").trim();
    await setApprovalPolicy(actor, ns || null, {
      actions: texts(form, "actions"),
      // A number when it is one, else the text, for lib's own message.
      approvalMinutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
    });
  } catch (error) {
    return failure(error, ["actions", "approvalMinutes"]);
  }
  revalidatePath(ns ? "/team/namespaces" : "/settings/encryption");
  return { ok: true };
}
