// Reading the New integration form's FormData on the server. lib judges
// every field (kind, name, expiry) and names each one it refuses, all in
// one answer; the form only turns its expiry choice into lib's number-or-null.
import "server-only";
import { text } from "@/components/forms/read-form";

/** The fields the form shows errors on; an error about any other is the form's message. */
export const INTEGRATION_FIELDS = ["kind", "name", "expiresInDays"] as const;
/** The Renew token form shows only the expiry. */
export const RENEWAL_FIELDS = ["expiresInDays"] as const;

/** `never` is no expiry; any other choice goes to lib as a number, which lib bounds (and refuses when it is not one). */
export function integrationFromForm(form: FormData) {
  const days = text(form, "expiresInDays").trim();
  return {
    kind: text(form, "kind"),
    name: text(form, "name").trim(),
    expiresInDays: days === "never" ? null : days === "" ? undefined : Number(days),
  };
}
