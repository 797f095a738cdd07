import { Button } from "@/components/ui/button";

/** Cancel + submit, right-aligned, the submit showing progress. */
export function FormFooter({
  onCancel,
  pending,
  label,
  pendingLabel,
  disabled,
  danger,
  focusCancel,
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
  disabled?: boolean;
  danger?: boolean;
  /** For confirmations without fields: the safe choice gets the focus. */
  focusCancel?: boolean;
}) {
  return (
    <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
      <Button type="button" variant="secondary" onClick={onCancel} data-autofocus={focusCancel ? "" : undefined}>
        Cancel
      </Button>
      <Button
        type="submit"
        disabled={pending || disabled}
        className={danger ? "bg-red-600 hover:bg-red-500 focus-visible:outline-red-600 disabled:bg-red-300 dark:disabled:bg-red-950" : ""}
      >
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
