// What a console server action answers the form that called it through
// useActionState. One shape for every form: a field's message shows next to
// that field, `error` in the form's alert.

/** Field name → the message shown next to it. */
export type FieldErrors<F extends string = string> = Partial<Record<F, string>>;

/**
 * What a refused action would need a second person's approval for (lib's
 * ApprovalRequired): the form offers to request it (approval-request.tsx).
 */
export type ApprovalGate = { action: string; namespace: string | null; target: Record<string, string> };

export type ActionState<F extends string = string> = {
  ok?: boolean;
  error?: string;
  fieldErrors?: FieldErrors<F>;
  approval?: ApprovalGate;
};

/** A server action as a form hands it to useActionState. */
export type FormAction<S extends ActionState = ActionState> = (prev: S, form: FormData) => Promise<S>;
