"use client";

import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit that runs a useActionState action without React's automatic
 * form reset. After `<form action={…}>`, React 19 calls form.reset(): a
 * controlled <select> then shows its first option while state keeps the
 * chosen one, so a second submit would quietly post another secret (or
 * another expiry) than the one on screen; a checkbox would lose its tick.
 * These forms need JavaScript anyway, so nothing is lost.
 *
 * `clear` selects inputs to empty as soon as their content is in the
 * request (secret values: password and file inputs), so an error answer
 * never shows them again.
 */
export function submitWithoutReset(dispatch: (form: FormData) => void, { clear }: { clear?: string } = {}) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    if (clear) for (const input of form.querySelectorAll<HTMLInputElement>(clear)) input.value = "";
    startTransition(() => dispatch(data));
  };
}
