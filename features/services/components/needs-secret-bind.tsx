// Where an operator would expect "Add binding" or "Create token": why it is
// not there. Both hand the bound values to the service's agent, so both
// need secret:bind, which grants reading.
const WHAT = {
  bind: "Adding a binding",
  mint: "Creating a token",
} as const;

export function NeedsSecretBind({ action, ns }: { action: keyof typeof WHAT; ns: string }) {
  return (
    <p className="max-w-xs text-right text-xs text-zinc-500 dark:text-zinc-400" data-testid={`needs-secret-bind-${action}`}>
      {WHAT[action]} needs <code className="font-mono">secret:bind</code> in {ns}: it grants reading, since the service&apos;s tokens read
      every bound value.
    </p>
  );
}
