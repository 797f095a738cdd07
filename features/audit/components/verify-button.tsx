"use client";

import { ShieldCheck } from "lucide-react";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startVerifyAction, type VerifyActionState } from "@/features/audit/actions";

/** Starts a background verification of the whole log; "already running" (409) is news, not a failure. */
export function VerifyButton({ active }: { active: boolean }) {
  const [state, start, starting] = useActionState<VerifyActionState>(startVerifyAction, {});
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <form action={start} noValidate>
        <Button type="submit" disabled={starting || active}>
          <ShieldCheck aria-hidden className="size-4" />
          {starting ? "Starting…" : active ? "Verifying…" : "Verify log"}
        </Button>
      </form>
      {state.error ? (
        <Alert tone={state.running ? "info" : "error"}>{state.running ? "A verification is already running." : state.error}</Alert>
      ) : null}
    </div>
  );
}
