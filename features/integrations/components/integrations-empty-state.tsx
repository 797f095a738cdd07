import { Plug } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { INTEGRATION_KINDS } from "@/packages/contracts/src/integrations/integration-dto";
import { KINDS } from "./integration-kinds";

const COMMANDS = {
  "docker-swarm": "coffer docker-plugin --server URL --token-file FILE",
  "kubernetes-kms": "coffer kms-plugin --server URL --token-file FILE --socket PATH",
} as const;

/** What an integration is for and how each kind is used; the create button stays in the page header (its dialog holds the token). */
export function IntegrationsEmptyState({ ns, canManage }: { ns: string; canManage: boolean }) {
  return (
    <EmptyState icon={Plug} title={`No integrations in namespace ${ns} yet`}>
      <div className="space-y-3 text-left">
        <p>
          An integration lets an orchestrator use Coffer directly, with a token of its own that you can revoke: Docker Swarm reads this
          namespace&apos;s secrets through it, a kube-apiserver encrypts its etcd with Coffer&apos;s keys.
        </p>
        <ul className="space-y-2">
          {INTEGRATION_KINDS.map((kind) => (
            <li key={kind}>
              <span className="font-medium text-zinc-700 dark:text-zinc-300">{KINDS[kind].label}</span>: {KINDS[kind].summary} Run{" "}
              <code className="font-mono text-xs">{COMMANDS[kind]}</code>.
            </li>
          ))}
        </ul>
        <p>
          {canManage
            ? "Choose New integration: the console shows the token once, with the command to run."
            : "Someone holding integration:manage in this namespace can create one."}
        </p>
      </div>
    </EmptyState>
  );
}
