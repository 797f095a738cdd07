// Start-up asks every KMS key of the keyring for its Status, as the
// kube-apiserver does before it uses a plugin: a plugin that is down,
// unhealthy or speaks another API version stops the start with one line,
// instead of the first secret read failing later.
import { KmsError } from "./errors";
import type { Keyring } from "./keyring";
import { KmsKeyProvider } from "./kms";

// Upstream api.proto: "Must equal v2 to v2beta1 (v2 is recommended, but both
// are equivalent)"; the apiserver accepts both, so do we.
const KMS_V2_VERSIONS = new Set(["v2", "v2beta1"]);

const quoted = (text: string) => JSON.stringify(text.replace(/\s+/g, " ").slice(0, 100));

/** Resolves when every KMS key answers Status healthy; throws KmsError / KmsUnavailableError naming the key and socket. */
export async function checkKmsKeys(keyring: Keyring): Promise<void> {
  for (const provider of keyring.providers) {
    if (!(provider instanceof KmsKeyProvider)) continue;
    const { version, healthz, key_id } = await provider.status();
    const at = `Status at ${provider.socketPath}`;
    if (!KMS_V2_VERSIONS.has(version)) {
      throw new KmsError(provider.name, `${at}: version is ${quoted(version)}, not "v2" (is it a Kubernetes KMS v2 plugin?)`);
    }
    if (healthz !== "ok") throw new KmsError(provider.name, `${at}: healthz is ${quoted(healthz)}, not "ok"`);
    if (key_id === "") throw new KmsError(provider.name, `${at}: key_id is empty`);
  }
}
