"use server";

import { revalidatePath } from "next/cache";
import QRCode from "qrcode";
import { requireActor } from "@/lib/auth/current-actor";
import { confirmTotp } from "@/lib/auth/mfa/confirm-totp";
import { enrollTotp } from "@/lib/auth/mfa/enroll-totp";
import { removeTotp } from "@/lib/auth/mfa/remove-totp";
import { changeOwnPassword } from "@/lib/team/passwords";
import type { ActionState } from "@/components/forms/action-state";
import { failure } from "@/components/forms/action-failure";
import { mismatchErrors } from "@/components/forms/new-password-errors";
import { text } from "@/components/forms/read-form";

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor({ enrolling: true });
  const password = text(form, "password");
  const mismatch = mismatchErrors(password, text(form, "confirm"));
  if (mismatch) {
    const current = text(form, "currentPassword") ? {} : { currentPassword: "currentPassword is required" };
    return { ok: false, fieldErrors: { ...current, ...mismatch } };
  }
  try {
    await changeOwnPassword(actor, { currentPassword: text(form, "currentPassword"), password });
  } catch (error) {
    return failure(error, ["currentPassword", "password"]);
  }
  return { ok: true };
}

export type EnrollState = ActionState & { secret?: string; otpauthUrl?: string; qrDataUrl?: string };
export type ConfirmState = ActionState & { recoveryCodes?: string[] };

/** Starts TOTP enrollment; the QR code is drawn here, so the secret never goes to a third-party QR service. */
export async function enrollTotpAction(): Promise<EnrollState> {
  const actor = await requireActor({ enrolling: true });
  try {
    const enrolled = await enrollTotp(actor);
    const svg = await QRCode.toString(enrolled.otpauthUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    return { ok: true, ...enrolled, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
  } catch (error) {
    return failure(error);
  }
}

export async function confirmTotpAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  const actor = await requireActor({ enrolling: true });
  try {
    const { recoveryCodes } = await confirmTotp(actor, { code: text(form, "code") });
    // The page behind the codes now says "on"; the codes stay until dismissed.
    revalidatePath("/profile");
    return { ok: true, recoveryCodes };
  } catch (error) {
    return failure(error, ["code"]);
  }
}

export async function removeTotpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor({ enrolling: true });
  const code = text(form, "code");
  const password = text(form, "password");
  try {
    await removeTotp(actor, code ? { code } : { password });
  } catch (error) {
    return failure(error, ["code", "password"]);
  }
  revalidatePath("/profile");
  return { ok: true };
}
