"use client";

import { useEffect, useRef, useState } from "react";

/** Does an edit of `target` change the field a message with this id describes? */
export function editsField(target: EventTarget | null, messageId: string, group: Element | null): boolean {
  if (!(target instanceof Element)) return false;
  const describedBy = target.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  if (describedBy.includes(messageId)) return true;
  // A group (Field's wrapper, a labels editor's box) owns every input in it;
  // the form itself is not a group, or one edit would clear every message.
  return group !== null && group.tagName !== "FORM" && group.contains(target);
}

/**
 * A field's error from the server, hidden as soon as that field is edited
 * (the message described what was typed before) and shown again by the
 * next submit, whose answer decides. `ref` goes on the field's group
 * (Field's wrapper) or on the message itself, whose parent is then the group.
 */
export function useClearOnEdit<E extends HTMLElement>(error: string | undefined, messageId: string, { messageIsRef = false } = {}) {
  const ref = useRef<E>(null);
  const [dismissed, setDismissed] = useState<string | undefined>();
  useEffect(() => {
    const element = ref.current;
    if (!error || !element) return;
    const group = messageIsRef ? element.parentElement : element;
    const form = element.closest("form");
    // Listened for on the window, after React has handled the same event: a
    // re-render between the input and React's onChange would put a controlled
    // input's old value back (React syncs it to the props it still has).
    const scope = element.ownerDocument.defaultView;
    if (!scope) return;
    const inForm = (target: EventTarget | null) => !form || (target instanceof Node && form.contains(target));
    const onEdit = (event: Event) => {
      if (inForm(event.target) && editsField(event.target, messageId, group)) setDismissed(error);
    };
    const onSubmit = (event: Event) => {
      if (event.target === form) setDismissed(undefined);
    };
    scope.addEventListener("input", onEdit);
    scope.addEventListener("change", onEdit);
    scope.addEventListener("submit", onSubmit);
    return () => {
      scope.removeEventListener("input", onEdit);
      scope.removeEventListener("change", onEdit);
      scope.removeEventListener("submit", onSubmit);
    };
  }, [error, messageId, messageIsRef]);
  return { ref, error: error !== undefined && error === dismissed ? undefined : error };
}
