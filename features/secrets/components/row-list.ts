"use client";

import { useRef, useState } from "react";

/** Rows with stable ids for keys, so removing one never shifts another's input. */
export function useRows<T extends object>(initial: T[]) {
  const nextId = useRef(initial.length);
  const [rows, setRows] = useState(() => initial.map((row, id) => ({ ...row, id })));
  return {
    rows,
    add: (row: T) => setRows((all) => [...all, { ...row, id: nextId.current++ }]),
    remove: (id: number) => setRows((all) => all.filter((row) => row.id !== id)),
    update: (id: number, patch: Partial<T>) => setRows((all) => all.map((row) => (row.id === id ? { ...row, ...patch } : row))),
  };
}
