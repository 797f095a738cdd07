"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const ALPHABETS = [
  { value: "base64", label: "base64 (openssl rand -base64)" },
  { value: "alphanumeric", label: "Letters and digits" },
  { value: "hex", label: "Hex" },
  { value: "symbols", label: "Letters, digits and symbols" },
];

const label = "block text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** A random value made on the server; the console never sees it. */
export function GenerateEntry({ invalid, describedBy }: { invalid: boolean; describedBy: string }) {
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-[2fr_1fr_3fr]">
      <div className="space-y-1">
        <label htmlFor={`${id}-key`} className={label}>
          Key
        </label>
        <Input id={`${id}-key`} name="genKey" defaultValue="value" autoComplete="off" spellCheck={false} className="font-mono" />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-length`} className={label}>
          Length
        </label>
        <Input
          id={`${id}-length`}
          name="genLength"
          type="number"
          min={8}
          max={4096}
          defaultValue={32}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-alphabet`} className={label}>
          Alphabet
        </label>
        <Select id={`${id}-alphabet`} name="genAlphabet" defaultValue="base64">
          {ALPHABETS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
