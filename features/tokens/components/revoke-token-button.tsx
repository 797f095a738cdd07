"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeTokenAction } from "@/features/tokens/actions";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`Revoke token ${name}`}
        onClick={() => {
          if (!window.confirm(`Revoke token “${name}”? Anything using it stops working at once.`)) return;
          start(async () => setError((await revokeTokenAction(id)).error ?? null));
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </Button>
    </span>
  );
}
