// Manifests as the real kubectl writes them (fixtures/generate.sh), and
// every bad input the parser must name. No message may hold a value.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import { parseManifest, type ParsedManifest } from "./parse-manifest";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const formatOf = (name: string) => (name.endsWith(".json") ? "json" : "yaml");
const parse = (text: string, format: "json" | "yaml" = "yaml", ns = "default") => parseManifest(text, format, ns);
const text = (manifest: ParsedManifest, name: string, key: string) =>
  manifest.secrets
    .find((s) => s.name === name)!
    .entries.get(key)!
    .toString("utf8");

function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("kubectl's own manifests", () => {
  it.each([
    ["generic", "db-pw", "Opaque", ["password", "user"]],
    ["tls", "web-tls", "kubernetes.io/tls", ["tls.crt", "tls.key"]],
    ["docker-registry", "regcred", "kubernetes.io/dockerconfigjson", [".dockerconfigjson"]],
    ["basic-auth", "basic", "kubernetes.io/basic-auth", ["password", "username"]],
    ["ssh-auth", "ssh-key", "kubernetes.io/ssh-auth", ["ssh-privatekey"]],
  ])("%s, as JSON and as YAML", (file, name, type, keys) => {
    for (const extension of ["json", "yaml"]) {
      const manifest = parse(fixture(`${file}.${extension}`), formatOf(`${file}.${extension}`));
      expect(manifest.secrets).toHaveLength(1);
      const [secret] = manifest.secrets;
      expect(secret).toMatchObject({ name, type, labels: undefined, immutable: undefined });
      expect([...secret!.entries.keys()].sort()).toEqual(keys);
      expect(manifest.warnings).toEqual([]);
    }
  });

  it("decodes data from base64", () => {
    expect(text(parse(fixture("generic.yaml")), "db-pw", "password")).toBe("s3cr3t-fixture");
  });

  it("reads a List of kubectl's objects, labels included", () => {
    const manifest = parse(fixture("list.json"), "json");
    expect(manifest.secrets.map((s) => [s.at, s.name, s.labels])).toEqual([
      ["items[0]", "db-pw", { app: "demo" }],
      ["items[1]", "web-tls", { app: "demo" }],
      ["items[2]", "regcred", { app: "demo" }],
    ]);
  });

  it("reads every document of a YAML stream", () => {
    const manifest = parse(fixture("multi-doc.yaml"));
    expect(manifest.secrets.map((s) => s.name)).toEqual(["db-pw", "basic", "ssh-key", "labeled"]);
    expect(manifest.secrets[3]!.labels).toEqual({ env: "prod", team: "payments" });
  });

  it("names ignored annotations in warnings, and drops last-applied-configuration without a word", () => {
    expect(parse(fixture("labeled.yaml")).warnings).toEqual(["secret/labeled: annotations are not kept by Coffer; ignored: owner"]);
    const saved = parse(fixture("saved-config.yaml"));
    expect(saved.warnings).toEqual([]);
    expect(JSON.stringify(saved.warnings)).not.toContain("Zml4dHVyZS10b2tlbg");
  });
});

const secret = (extra: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n${extra}`;

describe("what Kubernetes does", () => {
  it("stringData wins over data for the same key", () => {
    const manifest = parse(secret("data:\n  a: ZnJvbS1kYXRh\n  b: Yg==\nstringData:\n  a: from-stringData\n"));
    expect(text(manifest, "app", "a")).toBe("from-stringData");
    expect(text(manifest, "app", "b")).toBe("b");
  });

  it("takes immutable and the server-set metadata of `kubectl get -o yaml`", () => {
    const manifest = parse(
      secret("  uid: 1b2c\n  resourceVersion: '42'\n  creationTimestamp: '2026-01-01T00:00:00Z'\nimmutable: true\nstringData:\n  a: b\n"),
    );
    expect(manifest.secrets[0]!.immutable).toBe(true);
  });

  it("accepts the request's own namespace in metadata", () => {
    expect(parse(secret("  namespace: prod\nstringData:\n  a: b\n"), "yaml", "prod").secrets).toHaveLength(1);
  });
});

describe("bad input is a 400 naming the item and the field, never the value", () => {
  const tlsList = JSON.parse(fixture("list.json"));
  tlsList.items[2] = {
    ...tlsList.items[1],
    metadata: { name: "other-tls" },
    data: { ...tlsList.items[1].data, "tls.crt": "%%not-base64%%" },
  };

  it.each([
    ["a value that is not base64, in a List", JSON.stringify(tlsList), "json", "items[2].data.tls.crt is not base64"],
    [
      "a name Kubernetes refuses",
      secret("stringData:\n  a: b\n").replace("name: app", "name: Bad_Name"),
      "yaml",
      "metadata.name 'Bad_Name' is not a valid name",
    ],
    ["no name", "apiVersion: v1\nkind: Secret\nmetadata: {}\nstringData:\n  a: b\n", "yaml", "metadata.name is required"],
    [
      "an unsupported type",
      secret("type: kubernetes.io/service-account-token\nstringData:\n  a: b\n"),
      "yaml",
      "type 'kubernetes.io/service-account-token' is not supported",
    ],
    [
      "another namespace",
      secret("  namespace: prod\nstringData:\n  a: b\n"),
      "yaml",
      "metadata.namespace 'prod' differs from the request's namespace 'default'",
    ],
    ["another kind", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n", "yaml", "kind must be 'Secret', not 'ConfigMap'"],
    ["another apiVersion", "apiVersion: v2\nkind: Secret\nmetadata:\n  name: app\n", "yaml", "apiVersion must be 'v1'"],
    ["an unknown field", secret("spec: {}\nstringData:\n  a: b\n"), "yaml", "spec is not a field of a Secret"],
    ["an unknown metadata field", secret("  generateName: app-\nstringData:\n  a: b\n"), "yaml", "metadata.generateName is not supported"],
    ["a bad key", secret("stringData:\n  'a b': c\n"), "yaml", "stringData: key 'a b' must match"],
    ["a number in stringData", secret("stringData:\n  port: 5432\n"), "yaml", "stringData.port must be a string (quote it)"],
    ["no data", secret(""), "yaml", "(secret 'app'): data must hold at least one key"],
    ["a type's missing key", secret("type: kubernetes.io/tls\nstringData:\n  tls.crt: x\n"), "yaml", "missing required key 'tls.key'"],
    ["a bad label", secret("  labels:\n    'bad key!': x\nstringData:\n  a: b\n"), "yaml", "metadata.labels: label key 'bad key!'"],
    ["immutable that is not a boolean", secret("immutable: 'yes'\nstringData:\n  a: b\n"), "yaml", "immutable must be true or false"],
    [
      "the same name twice",
      `${secret("stringData:\n  a: b\n")}---\n${secret("stringData:\n  a: c\n")}`,
      "yaml",
      "documents[1]: secret 'app' appears twice (also documents[0])",
    ],
    ["an empty stream", "---\n", "yaml", "the manifest holds no Secret"],
    ["an empty List", '{"apiVersion":"v1","kind":"List","items":[]}', "json", "the manifest holds no Secret"],
    [
      "a List item that is a List",
      '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"List","items":[]}]}',
      "json",
      "items[0].kind must be 'Secret', not 'List'",
    ],
    ["a scalar", "just text", "yaml", "the manifest must be a Kubernetes object"],
    ["broken JSON", "{", "json", "the manifest is not valid JSON"],
  ])("%s", (_what, body, format, message) => {
    const refused = refusal(() => parse(body, format as "json" | "yaml"));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain(message);
  });

  it("a YAML syntax error names the line, not the text there", () => {
    const refused = refusal(() => parse(secret("stringData:\n  a: canary-value-123\n   b: canary-value-456\n")));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/^the manifest is not valid YAML at line \d+, column \d+/);
    expect(refused.message).not.toContain("canary");
  });

  it("a duplicate YAML key is refused", () => {
    const refused = refusal(() => parse(secret("stringData:\n  a: one\n  a: two\n")));
    expect(refused.message).toContain("a key appears twice");
  });

  it("a billion-laughs document is refused before it expands", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${"b".repeat(i)}: &${"b".repeat(i)} [${Array(10)
          .fill(`*${i === 1 ? "a" : "b".repeat(i - 1)}`)
          .join(", ")}]`,
      );
    expect(refusal(() => parse(lines.join("\n"))).status).toBe(400);
  });

  it("__proto__ is a key like any other", () => {
    const manifest = parse('{"apiVersion":"v1","kind":"Secret","metadata":{"name":"app"},"stringData":{"__proto__":"x"}}', "json");
    expect([...manifest.secrets[0]!.entries.keys()]).toEqual(["__proto__"]);
  });

  it("no refusal repeats a value", () => {
    const canary = "Y2FuYXJ5LXZhbHVl"; // base64 of canary-value
    const bodies = [
      secret(`type: kubernetes.io/tls\ndata:\n  tls.crt: ${canary}\n  tls.key: ${canary}\n`),
      secret(`data:\n  a: ${canary}!\n`),
      secret(`  namespace: prod\ndata:\n  a: ${canary}\n`),
    ];
    for (const body of bodies) {
      const { message } = refusal(() => parse(body));
      expect(message).not.toContain(canary);
      expect(message).not.toContain("canary-value");
    }
  });
});
