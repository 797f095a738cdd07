"use client";

import { CheckCircle2, X } from "lucide-react";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

type Toast = { id: number; message: string };

/** How long a toast stays while nobody points at or focuses it. */
const VISIBLE_MS = 6000;
/** More than this and the oldest goes: a pile of toasts would cover the page. */
const MAX_TOASTS = 3;

const ToastContext = createContext<(message: string) => void>(() => {});

/**
 * Short confirmations, announced politely. They sit bottom-left, over the
 * sidebar on a wide screen: the console's main actions are in the page
 * header (top-right), in table rows' last column and in dialogs' footers
 * (right), and toasts in the bottom-right corner covered the button needed
 * next (issue 17). Pointing at or focusing one pauses every timer.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [paused, setPaused] = useState(false);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((message: string) => {
    const id = ++nextId.current;
    setToasts((all) => [...all, { id, message }].slice(-MAX_TOASTS));
  }, []);
  // The last toast closed under the pointer gets no pointerleave.
  const close = (id: number) => {
    if (toasts.length <= 1) setPaused(false);
    dismiss(id);
  };
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        role="status"
        aria-live="polite"
        data-testid="toasts"
        onPointerEnter={() => setPaused(true)}
        onPointerLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPaused(false);
        }}
        className="pointer-events-none fixed inset-x-4 bottom-4 z-40 flex flex-col items-center gap-2 sm:right-auto sm:w-96 sm:items-start"
      >
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} paused={paused} onExpire={dismiss} onClose={close} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

type ItemProps = { toast: Toast; paused: boolean; onExpire: (id: number) => void; onClose: (id: number) => void };

function ToastItem({ toast, paused, onExpire, onClose }: ItemProps) {
  // What is left of its time: a pause keeps it, not restarts it.
  const remaining = useRef(VISIBLE_MS);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onExpire(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, onExpire]);
  return (
    <div
      data-testid="toast"
      className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl bg-white p-4 text-sm shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700"
    >
      <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
      <p className="min-w-0 flex-1 text-zinc-800 dark:text-zinc-100">{toast.message}</p>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onClose(toast.id)}
        className="-m-1 rounded p-1 text-zinc-400 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-zinc-200"
      >
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

export function useToast() {
  return useContext(ToastContext);
}

/**
 * Shows a toast for a notice carried in the URL after a redirect, then
 * removes the notice's query parameters so a reload does not repeat it.
 */
export function FlashToast({ message, params = ["notice"] }: { message: string; params?: string[] }) {
  const show = useToast();
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    show(message);
    const url = new URL(window.location.href);
    for (const param of params) url.searchParams.delete(param);
    window.history.replaceState(window.history.state, "", url);
  }, [message, params, show]);
  return null;
}
