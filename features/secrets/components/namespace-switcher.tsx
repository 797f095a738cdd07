"use client";

import Form from "next/form";
import { useId } from "react";
import { Select } from "@/components/ui/select";

/**
 * Picks the namespace: a GET form, so it works before hydration too;
 * choosing an option submits it.
 */
export function NamespaceSwitcher({
  namespaces,
  current,
  action = "/secrets",
}: {
  namespaces: string[];
  current: string;
  action?: string;
}) {
  const id = useId();
  const options = namespaces.includes(current) ? namespaces : [current, ...namespaces];
  return (
    <Form action={action} className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
        Namespace
      </label>
      <Select
        id={id}
        name="ns"
        defaultValue={current}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="w-auto min-w-36"
      >
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
      <noscript>
        <button type="submit" className="text-sm font-semibold text-indigo-600">
          Go
        </button>
      </noscript>
    </Form>
  );
}
