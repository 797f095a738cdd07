// What each kind of integration is for and what its host runs with the
// token. One place, so the empty state, the create dialog and the new-token
// panel say the same thing. The commands are the CLI's (packages/cli).
import type { IntegrationKind } from "@/packages/contracts/src/integrations/integration-dto";

type KindInfo = {
  label: string;
  /** One line for the kind select: who uses the token, for what. */
  summary: string;
  /** Where the plugin's socket goes by default. */
  socket: string;
};

export const KINDS: Record<IntegrationKind, KindInfo> = {
  "docker-swarm": {
    label: "Docker Swarm secret driver",
    summary:
      "dockerd asks Coffer for a secret created with docker secret create --driver coffer each time a task starts; only services bound to it get the value.",
    socket: "/run/docker/plugins/coffer.sock",
  },
  "kubernetes-kms": {
    label: "Kubernetes KMS v2 plugin",
    summary: "A kube-apiserver encrypts Secrets in etcd through Coffer's keyring: the plugin on the control-plane node holds no key.",
    socket: "/var/run/coffer-kms.sock",
  },
};

/** Where the host keeps the token (chmod 600): the plugin reads it with --token-file. */
export function tokenFile(name: string): string {
  return `/etc/coffer/${name}.token`;
}

/** The plugin's command line; `server` is the address this console is served from. */
export function pluginCommand(kind: IntegrationKind, server: string, name: string): string {
  const command = kind === "docker-swarm" ? "docker-plugin" : "kms-plugin";
  return `coffer ${command} --server ${server} --token-file ${tokenFile(name)} --socket ${KINDS[kind].socket}`;
}
