"use client";

import { startTransition, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "./action-state";

/**
 * Password inputs are emptied as soon as their content is in the request,
 * so an error answer never shows them again; `data-keep-on-error` opts out.
 */
const PASSWORDS = "input[type=password]:not([data-keep-on-error])";

/**
 * An onSubmit that runs a useActionState action without React's automatic
 * form reset. After `<form action={…}>`, React 19 calls form.reset(): on a
 * failure everything typed is gone, a controlled <select> shows its first
 * option while state keeps the chosen one (so a second submit would quietly
 * post another secret or expiry than the one on screen), a checkbox loses
 * its tick. These forms need JavaScript anyway, so nothing is lost.
 *
 * Password inputs are always emptied once their value is in the request;
 * `clear` selects more inputs to empty (secret values: file inputs).
 */
export function submitWithoutReset(dispatch: (form: FormData) => void, { clear }: { clear?: string } = {}) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    const selector = clear ? `${PASSWORDS}, ${clear}` : PASSWORDS;
    for (const input of form.querySelectorAll<HTMLInputElement>(selector)) input.value = "";
    startTransition(() => dispatch(data));
  };
}

/**
 * The console's one form behaviour, as props for a <form>: no native
 * bubbles (the server's messages, every field at once, are the only ones),
 * what was typed kept after a failure (passwords emptied), and the form
 * reset after a success, so the next entry starts blank as before; after a
 * refusal the first refused field has the focus.
 */
export function useActionForm(dispatch: (form: FormData) => void, state: ActionState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
    // With the browser's bubbles gone, focus goes where the browser put it: the first field the server refused.
    else if (state.fieldErrors && Object.keys(state.fieldErrors).length) {
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);
  return { ref, noValidate: true, onSubmit: submitWithoutReset(dispatch) };
}
