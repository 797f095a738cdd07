"use client";

import { useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

type Props = {
  /** What the opening button shows (text, or an icon and text). */
  label: React.ReactNode;
  /** Accessible name when the label is not text alone. */
  ariaLabel?: string;
  variant?: "primary" | "secondary" | "ghost";
  className?: string;
  title: string;
  description?: React.ReactNode;
  size?: "md" | "lg";
  /** The dialog's body; call `close` when done. Unmounted while closed. */
  children: (close: () => void) => React.ReactNode;
};

/** A button that opens a modal dialog. */
export function DialogButton({ label, ariaLabel, variant = "secondary", className, title, description, size, children }: Props) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button
        type="button"
        variant={variant}
        className={className}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={description} size={size}>
        {children(close)}
      </Dialog>
    </>
  );
}
