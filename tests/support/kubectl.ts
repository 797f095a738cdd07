// The real kubectl as the judge of a manifest: `kubectl apply
// --dry-run=client -f - -o json`. Even a client dry-run asks an API server
// for discovery (which kinds exist) and for the current object (create or
// patch?), and has no offline mode (`--validate=false` only skips the
// OpenAPI download). So it talks to a stub of Kubernetes' discovery API on a
// loopback port, which knows one kind, Secret, and no objects: everything is
// "created (dry run)". kubectl itself decodes, defaults and prints the
// objects, so what it prints is what a cluster would be sent.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  type?: string;
  data?: Record<string, string>;
  immutable?: boolean;
};

export type KubectlResult = { code: number; stdout: string; stderr: string; objects: KubernetesObject[] };

const SECRETS = { name: "secrets", singularName: "secret", namespaced: true, kind: "Secret", verbs: ["create", "get", "patch"] };

function answer(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function discoveryStub() {
  const server = createServer((request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (path === "/api") return answer(response, 200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] });
    if (path === "/apis") return answer(response, 200, { kind: "APIGroupList", apiVersion: "v1", groups: [] });
    if (path === "/api/v1") return answer(response, 200, { kind: "APIResourceList", groupVersion: "v1", resources: [SECRETS] });
    return answer(response, 404, {
      kind: "Status",
      apiVersion: "v1",
      status: "Failure",
      reason: "NotFound",
      code: 404,
      message: "not found",
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs `kubectl apply --dry-run=client -f - -o json` on `manifest`; the objects kubectl would send. */
export async function kubectlApplyDryRun(manifest: string): Promise<KubectlResult> {
  const stub = await discoveryStub();
  // Its own kubeconfig and cache, so neither a user's cluster nor a stale discovery cache is used.
  const home = await mkdtemp(join(tmpdir(), "coffer-kubectl-"));
  try {
    await writeFile(join(home, "config"), "apiVersion: v1\nkind: Config\n");
    const argv = ["--kubeconfig", join(home, "config"), "--cache-dir", join(home, "cache"), "--server", stub.url];
    const result = await new Promise<Omit<KubectlResult, "objects">>((resolve, reject) => {
      const child = execFile(
        "kubectl",
        [...argv, "apply", "--dry-run=client", "--validate=false", "-f", "-", "-o", "json"],
        { env: { ...process.env, HOME: home } },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== "number") return reject(new Error(`cannot run kubectl (is it installed?): ${error.message}`));
          resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
        },
      );
      child.stdin!.end(manifest);
    });
    const printed =
      result.code === 0 && result.stdout.trim() ? (JSON.parse(result.stdout) as KubernetesObject & { items?: KubernetesObject[] }) : null;
    const objects = printed ? (printed.kind === "List" ? (printed.items ?? []) : [printed]) : [];
    return { ...result, objects };
  } finally {
    await stub.close();
    await rm(home, { recursive: true, force: true });
  }
}

/** A Secret's data as kubectl printed it, decoded: key → text. */
export const decodedData = (object: KubernetesObject) =>
  Object.fromEntries(Object.entries(object.data ?? {}).map(([key, value]) => [key, Buffer.from(value, "base64").toString("utf8")]));
