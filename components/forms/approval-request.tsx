"use client";

import { createContext, useContext, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ApprovalGate } from "./action-state";

/** Opens the console's "request an approval" dialog for a gate; provided once by the console layout. */
export type ApprovalPrompt = (gate: ApprovalGate, message: string) => void;

export const ApprovalPromptContext = createContext<ApprovalPrompt | null>(null);

/**
 * A form's alert: the action's message, and for an action that needs a
 * second person's approval, the dialog to request it (opened as the answer
 * arrives, and again from the button). Every form that renders its state
 * through this gets the approval flow without knowing which actions are gated.
 */
export function ActionAlert({ state }: { state: { error?: string; approval?: ApprovalGate } }) {
  const prompt = useContext(ApprovalPromptContext);
  useEffect(() => {
    // Each answer is a new state object: a repeated refusal opens the dialog again.
    if (state.approval && prompt) prompt(state.approval, state.error ?? "");
  }, [state, prompt]);
  const { error, approval } = state;
  if (!error) return null;
  if (!approval || !prompt) return <Alert>{error}</Alert>;
  return (
    <Alert tone="warning">
      <div className="space-y-2" data-testid="approval-needed">
        <p>{error}</p>
        <Button
          type="button"
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          aria-haspopup="dialog"
          onClick={() => prompt(approval, error)}
        >
          Request approval…
        </Button>
      </div>
    </Alert>
  );
}
