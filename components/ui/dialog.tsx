"use client";

import * as Radix from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useRef } from "react";

const FIRST_FIELD = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  /** Wider for forms with rows. */
  size?: "md" | "lg";
  children: React.ReactNode;
};

/**
 * A modal on Radix Dialog: its focus scope keeps Tab inside the dialog
 * (the native <dialog> let it wander through the page, issue 17), the page
 * behind is hidden from assistive technology and takes no clicks, Escape and
 * a backdrop click close. Content unmounts when closed, so form fields never
 * outlive the dialog.
 *
 * The body scrolls between a fixed header and the form's footer row, which
 * sticks to the bottom: a long form's buttons stay on screen on a short
 * window (the new-role dialog at 800 px).
 */
export function Dialog({ open, onClose, title, description, size = "md", children }: Props) {
  // Radix returns focus to its own Trigger; callers open from their own buttons.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Radix.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-50 bg-zinc-950/50 backdrop-blur-[1px]" />
        <Radix.Content
          // Radix warns of a missing description unless told there is none.
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            const content = event.currentTarget as HTMLElement;
            // The marked element, else the first field, else the dialog itself; never the close button.
            const first = content.querySelector<HTMLElement>("[data-autofocus]") ?? content.querySelector<HTMLElement>(FIRST_FIELD);
            (first ?? content).focus();
          }}
          onCloseAutoFocus={(event) => {
            const back = opener.current;
            opener.current = null;
            if (!back?.isConnected || back === document.body) return;
            event.preventDefault();
            back.focus();
          }}
          className={`fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl bg-white text-zinc-900 shadow-xl ring-1 ring-zinc-200 focus:outline-none dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-800 ${size === "lg" ? "max-w-2xl" : "max-w-md"}`}
        >
          <div className="flex shrink-0 items-start justify-between gap-4 px-6 pb-5 pt-6">
            <div className="min-w-0">
              <Radix.Title className="text-lg font-semibold tracking-tight">{title}</Radix.Title>
              {description ? (
                <Radix.Description asChild>
                  <div className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</div>
                </Radix.Description>
              ) : null}
            </div>
            <Radix.Close
              aria-label="Close"
              className="-m-1 rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              <X aria-hidden className="size-5" />
            </Radix.Close>
          </div>
          {/* A form's last row that holds its submit (FormFooter) sticks to the bottom of the scrolling body. */}
          <div className="min-h-0 flex-1 overflow-y-auto">
            <div className="px-6 pb-6 [&_form_div:last-child:has(>button[type=submit])]:sticky [&_form_div:last-child:has(>button[type=submit])]:bottom-0 [&_form_div:last-child:has(>button[type=submit])]:z-10 [&_form_div:last-child:has(>button[type=submit])]:-mx-6 [&_form_div:last-child:has(>button[type=submit])]:bg-white [&_form_div:last-child:has(>button[type=submit])]:px-6 [&_form_div:last-child:has(>button[type=submit])]:py-3 dark:[&_form_div:last-child:has(>button[type=submit])]:bg-zinc-900">
              {children}
            </div>
          </div>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}
