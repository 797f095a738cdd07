// Where a member would expect "New integration": why it is not there.
export function NeedsIntegrationManage({ ns }: { ns: string }) {
  return (
    <p className="max-w-xs text-right text-xs text-zinc-500 dark:text-zinc-400" data-testid="needs-integration-manage">
      Creating an integration needs <code className="font-mono">integration:manage</code> in {ns}: its token lets a Swarm or a
      kube-apiserver act for the namespace.
    </p>
  );
}
