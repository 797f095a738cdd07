// `coffer secret apply -f FILE|-` against the real routes: the manifest's
// text goes to POST /namespaces/{ns}/manifests as it is, with the media
// type its extension or content says, and one line per Secret comes back.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "../http/manifest-requests";
import { assertNoLeak, CANARY } from "../support/leak-canary";
import { cli, dir, lastRequest, registerSecretCommandHooks } from "./secret-commands-fixture";

registerSecretCommandHooks();

const manifest = (value: string, labels = "") =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-pw\n${labels}stringData:\n  password: ${value}\n`;

describe("coffer secret apply", () => {
  it("creates from stdin, then says unchanged, rotated (v2) and labels updated", async () => {
    const created = await cli(["secret", "apply", "-f", "-"], { stdin: manifest(CANARY) });
    expect(created).toMatchObject({ code: 0, stdout: "secret/db-pw created\n", stderr: "" });
    expect(lastRequest()).toMatchObject({ method: "POST", url: "/api/v1/namespaces/default/manifests" });
    expect(lastRequest().headers["content-type"]).toBe("application/yaml");

    expect((await cli(["secret", "apply", "-f", "-"], { stdin: manifest(CANARY) })).stdout).toBe("secret/db-pw unchanged\n");
    const rotated = await cli(["secret", "apply", "-f", "-"], { stdin: manifest(`${CANARY}-2`) });
    expect(rotated.stdout).toBe("secret/db-pw rotated (v2)\n");
    const labelled = await cli(["secret", "apply", "-f", "-"], { stdin: manifest(`${CANARY}-2`, "  labels:\n    env: prod\n") });
    expect(labelled.stdout).toBe("secret/db-pw labels updated\n");
    assertNoLeak(created.stdout + created.stderr + rotated.stdout + rotated.stderr, CANARY);
  });

  it("sends a .json file as JSON and prints every item of a List", async () => {
    await writeFile(join(dir, "list.json"), fixture("list.json"));
    const result = await cli(["secret", "apply", "-f", "list.json", "-n", "ops"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("secret/db-pw created\nsecret/web-tls created\nsecret/regcred created\n");
    expect(lastRequest().url).toBe("/api/v1/namespaces/ops/manifests");
    expect(lastRequest().headers["content-type"]).toBe("application/json");
  });

  it("prints the server's warnings on stderr", async () => {
    await writeFile(join(dir, "labeled.yaml"), fixture("labeled.yaml"));
    const result = await cli(["secret", "apply", "-f", "labeled.yaml"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("secret/labeled created\n");
    expect(result.stderr).toBe("Warning: secret/labeled: annotations are not kept by Coffer; ignored: owner\n");
  });

  it("shows the server's refusal of a changed immutable secret, without the value", async () => {
    const frozen = (value: string) => `${manifest(value)}immutable: true\n`;
    expect((await cli(["secret", "apply", "-f", "-"], { stdin: frozen("one") })).code).toBe(0);
    const refused = await cli(["secret", "apply", "-f", "-"], { stdin: frozen(CANARY) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("secret 'db-pw' is immutable and the manifest changes its data");
    assertNoLeak(refused.stdout + refused.stderr, CANARY);
  });

  it("names a bad item as the server does", async () => {
    const result = await cli(["secret", "apply", "-f", "-"], {
      stdin: manifest("x").replace("stringData:\n  password: x", "data:\n  password: '%%'"),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("data.password is not base64");
  });

  it("requires -f and reads nothing without it", async () => {
    const result = await cli(["secret", "apply"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"coffer secret apply" requires -f FILE or -f - (stdin)');
  });

  it("says so when the file is missing", async () => {
    const result = await cli(["secret", "apply", "-f", "nowhere.yaml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error reading "nowhere.yaml"');
  });
});
