"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/components/forms/action-state";
import { submitWithoutReset } from "@/components/forms/submit-without-reset";

/**
 * Submits a form that carries secret data. Unlike <form action>, React
 * does not reset the form afterwards, so a select or checkbox keeps what
 * the user chose when the server answers with an error; the value fields
 * (password and file inputs) are emptied as soon as their content is in
 * the request, so an error never shows them again.
 */
export function useSecretForm(action: FormAction, onSuccess?: () => void) {
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    // A redirecting action navigates away and may leave nothing to return.
    const next = (await action(prev, form)) ?? prev;
    if (next.ok) onSuccess?.();
    return next;
  }, {});
  return { state, pending, onSubmit: submitWithoutReset(dispatch, { clear: 'input[type="password"], input[type="file"]' }) };
}
