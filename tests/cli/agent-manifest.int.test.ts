// `coffer agent --format k8s`: one fetch, the service's bound secrets as
// Kubernetes Secret manifests on stdout, for `| kubectl apply -f -`; no
// file written, no value anywhere but stdout.
import { access } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { decodedData, kubectlApplyDryRun } from "../support/kubectl";
import { agent, bind, cli, deliveries, out, PW1, registerAgentHooks, revokeAll, server, tokenFile } from "./agent-fixture";

registerAgentHooks();

const k8s = (...extra: string[]) => cli(["agent", "--server", server.url, "--token-file", tokenFile, "--format", "k8s", ...extra]);

describe("coffer agent --format k8s", () => {
  it("prints manifests kubectl applies, with the values intact, and writes no file", async () => {
    await bind("source=db_pw,target=db-password", "source=tls,target=certs/tls");
    const result = await k8s("--namespace", "prod");
    expect(result).toMatchObject({ code: 0, stderr: "printed 2 Secret manifests\n" });
    expect(server.requests.at(-1)).toMatchObject({ url: "/api/v1/runtime/secrets?namespace=prod", status: 200 });
    expect(server.requests.at(-1)!.headers.accept).toBe("application/yaml");
    await expect(access(out)).rejects.toMatchObject({ code: "ENOENT" });

    const applied = await kubectlApplyDryRun(result.stdout);
    expect(applied).toMatchObject({ code: 0, stderr: "" });
    const [certs, password] = applied.objects;
    expect(password!.metadata).toMatchObject({ name: "db-password", namespace: "prod" });
    expect(Object.values(decodedData(password!))).toEqual([PW1]);
    expect(certs!.metadata.name).toMatch(/^certs-tls-[0-9a-f]{8}$/);
    expect(decodedData(certs!)).toEqual({ "tls.crt": "CERT", "tls.key": "CANARY-agent-key" });
    expect(result.stderr).not.toContain("CANARY");
  });

  it("says so when the service has no bound secrets", async () => {
    expect(await k8s()).toMatchObject({
      code: 0,
      stdout: "# Coffer service default/db has no bound secrets\n",
      stderr: "the service has no bound secrets: printed none\n",
    });
  });

  it("reports the server's refusals on stderr with exit 1, printing nothing", async () => {
    await bind("db_pw");
    expect(await k8s("--namespace", "Prod")).toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(/^error response from server: query parameter 'namespace' must be a Kubernetes namespace name/),
    });
    expect(deliveries()).toBe(0);
    await revokeAll();
    expect(await k8s()).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "the server refused the service token: the service token is revoked\n",
    });
  });

  it("checks its flags before reading anything", async () => {
    const usage = async (...argv: string[]) =>
      (await cli(["agent", "--server", server.url, "--token-file", "t", ...argv])).stderr.split("\n")[0];
    expect(await usage("--format", "k8s", "--dir", "d")).toBe(
      "--format and --dir cannot be used together: --format k8s prints the manifests to stdout and writes no file",
    );
    expect(await usage("--format", "k8s", "--watch")).toBe(
      "--format and --watch cannot be used together: --format k8s prints the manifests to stdout once",
    );
    expect(await usage("--format", "yaml")).toBe('invalid argument "yaml" for "--format": expected k8s');
    expect(await usage("--dir", "d", "--namespace", "prod")).toBe("--namespace needs --format k8s");
    expect(server.requests).toEqual([]);
    // Without --format the agent is as before.
    expect((await agent()).code).toBe(0);
  });
});
