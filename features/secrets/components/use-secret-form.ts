"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionState } from "@/features/secrets/action-result";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Submits a form that carries secret data. Unlike <form action>, React
 * does not reset the form afterwards, so a select or checkbox keeps what
 * the user chose when the server answers with an error; the value fields
 * (password and file inputs) are emptied as soon as their content is in
 * the request, so an error never shows them again.
 */
export function useSecretForm(action: Action, onSuccess?: () => void) {
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(async (prev, form) => {
    // A redirecting action navigates away and may leave nothing to return.
    const next = (await action(prev, form)) ?? prev;
    if (next.ok) onSuccess?.();
    return next;
  }, {});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"], input[type="file"]')) input.value = "";
    startTransition(() => dispatch(data));
  }

  return { state, pending, onSubmit };
}
