// What the host does with a new token, on stderr so that stdout holds the
// token alone (`coffer integration create … > prod.token`).
import type { NewIntegration } from "./types";
import { expiryText } from "./expiry-options";

const PLUGIN = {
  "docker-swarm": (server: string) => `coffer docker-plugin --server ${server} --token-file FILE`,
  "kubernetes-kms": (server: string) => `coffer kms-plugin --server ${server} --token-file FILE --socket PATH`,
} as const;

export function pluginHint(made: NewIntegration, server: string, renewed: boolean): string {
  const what = renewed
    ? `Renewed the token of integration ${made.name} (${made.id}, ${made.kind}) in namespace ${made.namespace}; the old token no longer works.`
    : `Created integration ${made.name} (${made.id}, ${made.kind}) in namespace ${made.namespace}.`;
  const next = renewed
    ? "Replace the token file where the plugin runs, then restart it:"
    : "Store it in a file only the plugin's user can read, then run:";
  return `${what}\nThe token ${expiryText(made.expiresAt)} and is not shown again. ${next}\n  ${PLUGIN[made.kind](server)}\n`;
}
