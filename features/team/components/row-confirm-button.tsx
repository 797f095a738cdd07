import type { ComponentProps } from "react";
import { ConfirmButton } from "./confirm-button";

type Props = Omit<ComponentProps<typeof ConfirmButton>, "variant" | "className" | "danger">;

/** A table row's destructive button (delete, revoke): small and quiet in the row, red, and confirmed in a dialog. */
export function RowConfirmButton(props: Props) {
  return <ConfirmButton variant="ghost" className="px-2 py-1 text-xs" danger {...props} />;
}

/** Revoking a grant, an invite or a token from its row. */
export function RevokeButton(props: Omit<Props, "label" | "pendingLabel">) {
  return <RowConfirmButton label="Revoke" pendingLabel="Revoking…" {...props} />;
}
