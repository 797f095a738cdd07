"use client";

import { useId, useState } from "react";
import { FieldMessage } from "@/components/forms/field-message";

/**
 * The role dialogs' "requires a second factor" box. Only owners may change
 * it: for anyone else it shows the current setting, disabled, and the form
 * does not send it (the hidden marker tells the action whether it may).
 */
export function SecondFactorCheckbox({ initial, editable, error }: { initial: boolean; editable: boolean; error?: string }) {
  const [checked, setChecked] = useState(initial);
  const errorId = useId();
  return (
    <div className="space-y-1">
      {editable ? <input type="hidden" name="secondFactorEditable" value="1" /> : null}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="requireSecondFactor"
          checked={checked}
          disabled={!editable}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setChecked(event.target.checked)}
          className="mt-0.5 size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50 dark:border-zinc-600"
        />
        <span>
          <span className="font-medium text-zinc-800 dark:text-zinc-200">Members with this role must use a second factor</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            {editable
              ? "Anyone holding it without an authenticator app or a passkey is sent to set one up, and their API tokens stop working until they do."
              : "Only owners change this."}
          </span>
        </span>
      </label>
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}
