"use client";

import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit that runs a useActionState action without React's automatic
 * form reset. After `<form action={…}>`, React 19 calls form.reset(): a
 * controlled <select> then shows its first option while state keeps the
 * chosen one, so a second submit would quietly post another secret (or
 * another expiry) than the one on screen. These dialogs need JavaScript
 * anyway, so nothing is lost.
 */
export function submitWithoutReset(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
}
