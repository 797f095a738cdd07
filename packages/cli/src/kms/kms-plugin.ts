// `coffer kms-plugin`: lets a kube-apiserver use Coffer as the KMS of its
// etcd encryption (EncryptionConfiguration `kms` provider, apiVersion v2).
// It serves the KMS v2 gRPC API on a unix socket and forwards each call to
// the Coffer server, which encrypts with its keyring: the plugin holds no
// key and keeps nothing on disk. Its credential is an integration token of
// kind kubernetes-kms, read from a file.
import type { CommandSpec } from "../args";
import type { Command } from "../command";

export const DEFAULT_KMS_SOCKET = "/var/run/coffer-kms.sock";

const spec: CommandSpec = {
  path: "kms-plugin",
  usage: "[OPTIONS]",
  summary: "Serve the Kubernetes KMS v2 API so a kube-apiserver encrypts etcd data with Coffer",
  args: { min: 0, max: 0 },
  options: [
    { name: "server", type: "string", help: "Server URL (default: $COFFER_SERVER)" },
    {
      name: "token-file",
      type: "string",
      value: "file",
      help: "File holding the integration token (cfi_…, kind kubernetes-kms), mode 0600",
    },
    { name: "socket", type: "string", value: "path", help: `Unix socket to serve on (default ${DEFAULT_KMS_SOCKET})` },
    { name: "insecure-token-file", type: "boolean", help: "Accept a token file that group or others can access" },
  ],
  details: `Runs in the foreground, one log line per Encrypt or Decrypt on stderr (never data).
The Coffer server encrypts with its keyring's primary key and reports that key's name as
the key id, so adding a key to Coffer's keyring shows the apiserver a key rotation.
The socket is created 0600; a stale socket is replaced only when nothing answers on it.
SIGINT or SIGTERM stops the plugin (exit 0); a refused token at start exits 1.
In the apiserver's EncryptionConfiguration:
  providers: [{kms: {apiVersion: v2, name: coffer, endpoint: unix://${DEFAULT_KMS_SOCKET}, timeout: 3s}}, {identity: {}}]
Example:
  coffer kms-plugin --server https://coffer.example.com --token-file /etc/coffer/kms.token`,
};

export const kmsPluginCommand: Command = {
  spec,
  async run(ctx, args) {
    // Loaded on use: esbuild keeps a dynamic import in the one bundle, evaluated only here.
    const { runKmsPlugin } = await import("./kms-plugin-run");
    return runKmsPlugin(ctx, args);
  },
};
