// `coffer agent --format k8s`: one fetch of the service's bound secrets as
// Kubernetes Secret manifests, printed on stdout for `| kubectl apply -f -`.
// stdout is the only place the values go; stderr gets one line saying what
// was printed, never a value.
import type { CliContext } from "../context";
import { fetchRuntimeManifest, RuntimeError } from "./runtime-client";

export type ManifestRequest = { server: string; token: string; namespace?: string };

/** Resolves to the exit code. */
export async function printManifest(request: ManifestRequest, ctx: Pick<CliContext, "stdout" | "stderr">): Promise<number> {
  let manifest: string;
  try {
    manifest = await fetchRuntimeManifest(request);
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    ctx.stderr.write(`${error.message}\n`);
    return 1;
  }
  ctx.stdout.write(manifest);
  // The server's documents start with "apiVersion: v1" at the start of a line; comments do not.
  const count = manifest.match(/^apiVersion: /gm)?.length ?? 0;
  ctx.stderr.write(
    count ? `printed ${count} Secret manifest${count === 1 ? "" : "s"}\n` : "the service has no bound secrets: printed none\n",
  );
  return 0;
}
