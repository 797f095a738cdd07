import type { ReactNode, SelectHTMLAttributes } from "react";
import { Select } from "@/components/ui/select";
import { FieldMessage } from "./field-message";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: ReactNode; error?: string; hint?: ReactNode };

/** A labelled select whose error (or hint) is announced and tied to it for screen readers, like Field for inputs. */
export function SelectField({ id, label, error, hint, children, ...props }: Props) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <Select id={id} aria-invalid={error ? true : undefined} aria-describedby={`${id}-message`} {...props}>
        {children}
      </Select>
      <FieldMessage id={`${id}-message`} error={error} hint={hint} />
    </div>
  );
}
