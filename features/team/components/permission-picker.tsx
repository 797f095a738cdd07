"use client";

import { useEffect, useRef, useState } from "react";
import { FieldMessage } from "@/components/forms/field-message";
import { groupPermissions, permissionWarning, verbOf, type PermissionGroup } from "./permission-groups";

const checkboxClass =
  "size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-40 dark:border-zinc-600";

/** "Select all" for a group: checked when all are, mixed when some are. */
function GroupToggle({
  group,
  selected,
  onChange,
  disabled,
}: {
  group: PermissionGroup;
  selected: Set<string>;
  onChange: (all: boolean) => void;
  disabled: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = group.permissions.filter((p) => selected.has(p)).length;
  const all = count === group.permissions.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      <input
        ref={ref}
        type="checkbox"
        checked={all}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        className={checkboxClass}
        aria-label={`Select all ${group.label.toLowerCase()} permissions`}
      />
      Select all
    </label>
  );
}

/**
 * Permissions as checkbox groups by resource, posted as `permissions`.
 * Those the member does not hold are disabled: lib refuses to let anyone
 * hand out more than they have.
 */
export function PermissionPicker({
  initial = [],
  grantable,
  error,
  id,
}: {
  initial?: string[];
  grantable: string[];
  error?: string;
  id: string;
}) {
  const [selected, setSelected] = useState(() => new Set(initial));
  // One already in the role stays changeable: lib, not the form, says whether it may stay.
  const mayGrant = new Set([...grantable, ...initial]);
  const groups = groupPermissions();

  function set(permissions: string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const p of permissions)
        if (on) next.add(p);
        else next.delete(p);
      return next;
    });
  }

  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-message`} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Permissions <span className="font-normal text-zinc-500 dark:text-zinc-400">({selected.size} selected)</span>
      </legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {groups.map((group) => {
          const usable = group.permissions.filter((p) => mayGrant.has(p));
          return (
            <div
              key={group.resource}
              role="group"
              aria-labelledby={`${id}-${group.resource}`}
              className="space-y-2 rounded-lg p-3 ring-1 ring-zinc-200 dark:ring-zinc-800"
            >
              <div className="flex items-center justify-between gap-2">
                <span id={`${id}-${group.resource}`} className="text-sm font-semibold">
                  {group.label}
                </span>
                <GroupToggle group={group} selected={selected} disabled={usable.length === 0} onChange={(all) => set(usable, all)} />
              </div>
              <div className="flex flex-wrap gap-x-4 gap-y-1.5">
                {group.permissions.map((permission) => {
                  const allowed = mayGrant.has(permission);
                  const warning = permissionWarning(permission);
                  const name = warning ? `${permission}: ${warning}` : permission;
                  return (
                    <label
                      key={permission}
                      className={`flex items-center gap-1.5 text-sm ${allowed ? "" : "text-zinc-500 dark:text-zinc-400"}`}
                      title={allowed ? name : `${name}. You do not hold it, so you cannot grant it`}
                    >
                      <input
                        type="checkbox"
                        name="permissions"
                        value={permission}
                        checked={selected.has(permission)}
                        disabled={!allowed}
                        onChange={(event) => set([permission], event.target.checked)}
                        className={checkboxClass}
                        aria-label={permission}
                      />
                      <span className="font-mono text-xs">{verbOf(permission)}</span>
                      {warning ? <span className="text-xs font-medium text-amber-700 dark:text-amber-300">(grants reading)</span> : null}
                    </label>
                  );
                })}
              </div>
              {group.permissions.map((permission) => {
                const warning = permissionWarning(permission);
                return warning ? (
                  <p
                    key={permission}
                    className="text-xs text-amber-800 dark:text-amber-200"
                    data-testid={`permission-warning-${permission}`}
                  >
                    <span className="font-mono">{verbOf(permission)}</span>: {warning}.
                  </p>
                ) : null;
              })}
            </div>
          );
        })}
      </div>
      <FieldMessage id={`${id}-message`} error={error} hint="Pick at least one. Members get them in the scope of each grant." />
    </fieldset>
  );
}
