import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { DeliveredSecret } from "../../packages/contracts/src/runtime/delivery";
import { deriveSecretName, isLabelKey, isLabelValue, isSecretName, namespaceProblem } from "./runtime-manifest-names";
import { negotiateFormat, renderManifest } from "./runtime-manifest";
import type { DeliverySource } from "./runtime-secrets";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

type Item = { target: string; secret?: string; version?: number; data: Record<string, string>; kind?: "file" | "dir" } & Partial<
  Omit<DeliverySource, "keys">
>;

/** A delivery as fetchRuntimeSecrets answers it, for service default/web. */
function delivery(...items: Item[]) {
  const secrets: DeliveredSecret[] = items.map((item) => {
    const keys = Object.keys(item.data);
    const kind = item.kind ?? (keys.length === 1 ? "file" : "dir");
    return {
      secret: item.secret ?? item.target,
      version: item.version ?? 1,
      target: item.target,
      uid: 0,
      gid: 0,
      mode: "0444",
      envName: null,
      kind,
      files: keys.map((key) => ({ path: kind === "file" ? item.target : `${item.target}/${key}`, data: b64(item.data[key]!) })),
    };
  });
  const sources = items.map((item) => ({
    type: item.type ?? "Opaque",
    labels: item.labels ?? {},
    immutable: item.immutable ?? false,
    keys: Object.keys(item.data),
  }));
  return { service: { name: "web", namespace: "default" }, secrets, sources };
}

const documents = (yaml: string) => parseAllDocuments(yaml).map((doc) => doc.toJS());

describe("Kubernetes names", () => {
  it("keeps a target that is a DNS-1123 subdomain, and derives a stable, distinct name from one that is not", () => {
    expect(deriveSecretName("db-password")).toEqual({ name: "db-password", derived: false });
    expect(deriveSecretName("tls.example.com")).toEqual({ name: "tls.example.com", derived: false });
    const underscore = deriveSecretName("db_password");
    expect(underscore).toEqual({ name: expect.stringMatching(/^db-password-[0-9a-f]{8}$/), derived: true });
    expect(deriveSecretName("db_password")).toEqual(underscore);
    // Two targets that clean up alike stay apart.
    expect(deriveSecretName("DB_password").name).not.toBe(underscore.name);
    expect(deriveSecretName("certs/tls").name).toMatch(/^certs-tls-[0-9a-f]{8}$/);
    expect(deriveSecretName("_.-_").name).toMatch(/^secret-[0-9a-f]{8}$/);
    expect(deriveSecretName("a..b/.c").name).toMatch(/^a\.b\.c-[0-9a-f]{8}$/);
    const long = deriveSecretName(`${"A".repeat(255)}`).name;
    expect(long.length).toBeLessThanOrEqual(253);
    for (const target of ["db_password", "certs/tls", "_.-_", "a..b/.c", "X".repeat(255), "-a-", "a/-/b"]) {
      expect(isSecretName(deriveSecretName(target).name)).toBe(true);
    }
  });

  it("checks labels and namespaces by Kubernetes' rules", () => {
    expect(isLabelKey("app")).toBe(true);
    expect(isLabelKey("app.kubernetes.io/name")).toBe(true);
    expect(isLabelKey("Team_A")).toBe(true);
    expect(isLabelKey("a/b/c")).toBe(false);
    expect(isLabelKey("Example.com/x")).toBe(false);
    expect(isLabelKey("/x")).toBe(false);
    expect(isLabelKey(`x${"y".repeat(63)}`)).toBe(false);
    expect(isLabelValue("")).toBe(true);
    expect(isLabelValue("v1.2_3")).toBe(true);
    expect(isLabelValue("has space")).toBe(false);
    expect(isLabelValue("y".repeat(64))).toBe(false);
    expect(namespaceProblem("prod")).toBeNull();
    expect(namespaceProblem("prod.eu")).toMatch(/Kubernetes namespace name/);
    expect(namespaceProblem("Prod")).not.toBeNull();
    expect(namespaceProblem("n".repeat(64))).not.toBeNull();
  });
});

describe("negotiating the representation", () => {
  it("answers JSON unless YAML or the Kubernetes JSON profile is asked for", () => {
    expect(negotiateFormat(null)).toBe("json");
    expect(negotiateFormat("application/json")).toBe("json");
    expect(negotiateFormat("*/*")).toBe("json");
    expect(negotiateFormat("text/html")).toBe("json");
    expect(negotiateFormat("application/yaml")).toBe("yaml");
    expect(negotiateFormat("application/x-yaml")).toBe("yaml");
    expect(negotiateFormat("Text/YAML; charset=utf-8")).toBe("yaml");
    expect(negotiateFormat("application/json;profile=kubernetes")).toBe("kubernetes-json");
    expect(negotiateFormat('application/json; profile="kubernetes"')).toBe("kubernetes-json");
    expect(negotiateFormat("application/json, application/yaml")).toBe("json");
    expect(negotiateFormat("application/json;q=0.5, application/yaml")).toBe("yaml");
    expect(negotiateFormat("application/yaml;q=0")).toBe("json");
  });
});

describe("rendering Kubernetes Secrets", () => {
  it("renders one Secret per binding with type, data, labels, annotations and immutable", () => {
    const yaml = renderManifest(
      delivery(
        { target: "db-pw", secret: "db_pw", version: 3, data: { value: "CANARY-pw" }, labels: { app: "web" }, immutable: true },
        { target: "tls", type: "kubernetes.io/tls", data: { "tls.crt": CERT, "tls.key": KEY } },
      ),
      "yaml",
      "prod",
    );
    expect(documents(yaml)).toEqual([
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: "db-pw",
          namespace: "prod",
          labels: { app: "web" },
          annotations: {
            "coffer.dev/secret": "default/db_pw",
            "coffer.dev/version": "3",
            "coffer.dev/service": "default/web",
            "coffer.dev/target": "db-pw",
          },
        },
        type: "Opaque",
        data: { value: b64("CANARY-pw") },
        immutable: true,
      },
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: {
          name: "tls",
          namespace: "prod",
          annotations: expect.objectContaining({ "coffer.dev/secret": "default/tls", "coffer.dev/version": "1" }),
        },
        type: "kubernetes.io/tls",
        data: { "tls.crt": b64(CERT), "tls.key": b64(KEY) },
      },
    ]);
    expect(yaml.startsWith("# Secrets bound to Coffer service default/web")).toBe(true);
  });

  it("keeps every key of a multi-key secret, and names the one key of a single-key secret", () => {
    const [multi, single] = documents(
      renderManifest(
        delivery(
          { target: "creds", data: { username: "app", password: "CANARY-pw", "ca.pem": CERT } },
          // A one-key secret is delivered as a file at the target: the manifest still names its key.
          { target: "token", data: { "api-token": "CANARY-tok" } },
        ),
        "yaml",
      ),
    );
    expect(multi.metadata.namespace).toBeUndefined();
    expect(multi.data).toEqual({ username: b64("app"), password: b64("CANARY-pw"), "ca.pem": b64(CERT) });
    expect(single.data).toEqual({ "api-token": b64("CANARY-tok") });
  });

  it("gives a binding of one key that key alone, as Opaque when the type needs more", () => {
    const [tlsKey, password] = documents(
      renderManifest(
        delivery(
          { target: "tls-key", type: "kubernetes.io/tls", data: { "tls.key": KEY }, kind: "file" },
          { target: "db-password", type: "kubernetes.io/basic-auth", data: { password: "CANARY-pw" }, kind: "file" },
        ),
        "yaml",
      ),
    );
    expect(tlsKey).toMatchObject({ type: "Opaque", data: { "tls.key": b64(KEY) } });
    // basic-auth needs a username or a password: one of them is still a valid basic-auth Secret.
    expect(password).toMatchObject({ type: "kubernetes.io/basic-auth", data: { password: b64("CANARY-pw") } });
    expect(renderManifest(delivery({ target: "k", type: "kubernetes.io/tls", data: { "tls.key": KEY } }), "yaml")).toContain(
      "# type Opaque, not kubernetes.io/tls: the binding delivers only key(s) tls.key\n",
    );
  });

  it("derives a valid name from an invalid target and says so in a comment", () => {
    const yaml = renderManifest(delivery({ target: "certs/DB_pw", data: { value: "x" } }), "yaml");
    const [doc] = documents(yaml);
    expect(doc.metadata.name).toMatch(/^certs-db-pw-[0-9a-f]{8}$/);
    expect(doc.metadata.annotations["coffer.dev/target"]).toBe("certs/DB_pw");
    expect(yaml).toContain(`# name ${doc.metadata.name}: derived from the binding target 'certs/DB_pw', which is not a Kubernetes name\n`);
  });

  it("drops labels Kubernetes would refuse, names them in a comment, and quotes values YAML 1.1 would not read as text", () => {
    const labels = { app: "web", "a/b/c": "x", note: "has space", enabled: "yes", mode: "0755", "app.kubernetes.io/part-of": "shop" };
    const yaml = renderManifest(delivery({ target: "db", data: { value: "x" }, labels }), "yaml");
    expect(documents(yaml)[0].metadata.labels).toEqual({ app: "web", enabled: "yes", mode: "0755", "app.kubernetes.io/part-of": "shop" });
    expect(yaml).toContain("# label(s) a/b/c, note left out: not valid Kubernetes labels\n");
    // kubectl reads YAML 1.1: a bare yes would be a boolean there, 0755 an octal number.
    expect(yaml).toContain('enabled: "yes"');
    expect(yaml).toContain('mode: "0755"');
    expect(yaml).toContain('coffer.dev/version: "1"');
  });

  it("writes long values on one line, and a manifest of no bindings as a comment only", () => {
    const long = "v".repeat(3000);
    expect(renderManifest(delivery({ target: "big", data: { value: long } }), "yaml")).toContain(`value: ${b64(long)}\n`);
    expect(renderManifest(delivery(), "yaml")).toBe("# Coffer service default/web has no bound secrets\n");
  });

  it("renders a kind: List for the Kubernetes JSON profile", () => {
    const list = JSON.parse(renderManifest(delivery({ target: "db", data: { value: "x" } }), "kubernetes-json", "prod"));
    expect(list).toMatchObject({
      apiVersion: "v1",
      kind: "List",
      items: [{ kind: "Secret", metadata: { name: "db", namespace: "prod" } }],
    });
    expect(JSON.parse(renderManifest(delivery(), "kubernetes-json"))).toEqual({ apiVersion: "v1", kind: "List", items: [] });
  });
});
