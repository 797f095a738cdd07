import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { YAML_MEDIA_TYPES } from "@/lib/secrets/kubernetes/manifest-body";
import { contentTypeOf, renderManifest } from "@/lib/services/runtime-manifest";
import { ROUTES } from "@/tests/authz/route-table";
import { apiPathOf as pathOf, routeFiles } from "@/tests/support/route-files";
import { checkAgainstSchema, KEYWORDS } from "./check-against-schema";
import { openApiDocument } from "./document";
import { mediaTypeKey } from "./media-type";

type Schema = Record<string, unknown>;
const document = openApiDocument("http://coffer.test");
const schemas = document.components.schemas as Record<string, Schema>;

/** Every schema object in a JSON Schema, nested ones included. */
function* nodes(schema: unknown): Generator<Schema> {
  if (Array.isArray(schema)) for (const item of schema) yield* nodes(item);
  else if (schema && typeof schema === "object") {
    yield schema as Schema;
    for (const [key, child] of Object.entries(schema))
      if (key !== "enum" && key !== "const" && key !== "required")
        yield* nodes(key === "properties" ? Object.values(child as object) : child);
  }
}

/** The components any answer refers to, directly or through other components. */
function answerComponents(): Set<string> {
  const names = new Set<string>();
  const follow = (value: unknown) => {
    for (const [, name] of JSON.stringify(value).matchAll(/#\/components\/schemas\/(\w+)/g)) {
      if (names.has(name!)) continue;
      names.add(name!);
      follow(schemas[name!]);
    }
  };
  follow(
    Object.values(document.paths).flatMap((methods) =>
      Object.values(methods as Record<string, { responses: unknown }>).map((spec) => spec.responses),
    ),
  );
  return names;
}

describe("the OpenAPI document", () => {
  it("describes every API route file, and every method each exports", async () => {
    const files = routeFiles().filter((file) => !file.includes("[...nextauth]"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const path = pathOf(file);
      expect(document.paths, `${path} is missing from the OpenAPI document`).toHaveProperty([path]);
      const source = await import(file);
      const methods = ["GET", "POST", "PATCH", "PUT", "DELETE"].filter((method) => method in source);
      expect(
        Object.keys(document.paths[path]!)
          .map((m) => m.toUpperCase())
          .sort(),
      ).toEqual(methods.sort());
    }
  });

  it("has exactly the operations of the route table (tests/authz/route-table.ts), no more, no fewer", () => {
    const table = new Set(ROUTES.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")}`));
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    expect(
      [...table].filter((key) => !documented.has(key)),
      "in the route table, not in the document",
    ).toEqual([]);
    expect(
      [...documented].filter((key) => !table.has(key)),
      "in the document, not in the route table",
    ).toEqual([]);
  });

  it("points every $ref at a defined schema", () => {
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(schemas).toHaveProperty([ref.split("/").pop()!]);
  });

  it("gives every JSON answer a schema and every answer a description", () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, spec] of Object.entries(
        methods as Record<string, { responses: Record<string, { description?: string; content?: unknown }> }>,
      )) {
        for (const [status, response] of Object.entries(spec.responses)) {
          expect(response.description, `${method} ${path} ${status}`).toBeTruthy();
          if (status.startsWith("2") && status !== "204" && !(path === "/api/v1/audit/export"))
            expect(response.content, `${method} ${path} ${status} has no schema`).toBeDefined();
        }
      }
    }
  });

  it("closes every object an answer holds, so an undeclared field is a mismatch, and uses only keywords the response check understands", () => {
    const answers = [
      "SecretSummary",
      "SecretDetail",
      "ServiceDetail",
      "AuditPage",
      "Member",
      "LogReport",
      "EncryptionStatus",
      "RuntimeSecrets",
    ];
    for (const name of answers) {
      for (const node of nodes(schemas[name]))
        if (node.properties) expect(node.additionalProperties, `${name}: an object with properties is closed`).toBe(false);
    }
    for (const name of answerComponents()) {
      for (const node of nodes(schemas[name])) for (const key of Object.keys(node)) expect(KEYWORDS, `${name} uses ${key}`).toContain(key);
    }
  });

  it("describes the fields the hand-written document had lost", () => {
    const detail = schemas.SecretDetail!.properties as Record<string, unknown>;
    for (const field of ["stale", "lastReadAt", "boundServices", "reads", "versions", "inspect"]) expect(detail).toHaveProperty([field]);
    expect(schemas.SecretSummary!.required).toContain("stale");
  });
});

describe("checking an answer against the document", () => {
  const summary = { $ref: "#/components/schemas/SecretSummary" };
  const valid = {
    id: "c0000000000000000000000000",
    name: "db",
    namespace: "default",
    type: "Opaque",
    labels: { team: "web" },
    immutable: false,
    version: 1,
    createdAt: "2026-01-02T03:04:05.000Z",
    updatedAt: "2026-01-02T03:04:05.000Z",
    keys: [{ name: "value", size: 3 }],
    sizeBytes: 3,
    lastReadAt: null,
    stale: false,
  };

  it("accepts a conforming answer", () => {
    expect(checkAgainstSchema(valid, summary, schemas)).toEqual([]);
  });

  it("names an undeclared field, a missing one, a wrong type and a bad nested item", () => {
    const { stale: _stale, ...withoutStale } = valid; // eslint-disable-line @typescript-eslint/no-unused-vars
    expect(checkAgainstSchema({ ...valid, secretValue: "x" }, summary, schemas)).toEqual(["$.secretValue: not described by the schema"]);
    expect(checkAgainstSchema(withoutStale, summary, schemas)).toEqual(["$.stale: required, missing"]);
    expect(checkAgainstSchema({ ...valid, version: "1" }, summary, schemas)).toEqual(["$.version: string, expected integer"]);
    expect(checkAgainstSchema({ ...valid, keys: [{ name: "v", size: 1, value: "x" }] }, summary, schemas)).toEqual([
      "$.keys[0].value: not described by the schema",
    ]);
    expect(checkAgainstSchema({ ...valid, lastReadAt: 5 }, summary, schemas)[0]).toMatch(/^\$\.lastReadAt: matches none of 2 choices/);
    expect(checkAgainstSchema({ ...valid, createdAt: "yesterday" }, summary, schemas)[0]).toMatch(
      /^\$\.createdAt: "yesterday" does not match/,
    );
  });

  it("refuses a schema keyword it does not understand instead of skipping it", () => {
    expect(checkAgainstSchema("x", { type: "string", multipleOf: 2 }, {})).toEqual([
      '$: the schema uses "multipleOf", which this check does not understand',
    ]);
  });
});

describe("the bodies that are not Coffer's plain JSON: Kubernetes manifests", () => {
  type Content = Record<string, { schema: Schema }>;
  type Spec = { requestBody?: { content: Content }; responses: Record<string, { content?: Content }> };
  const spec = (method: string, path: string) => (document.paths as Record<string, Record<string, Spec>>)[path]![method]!;
  const target = (schema: Schema) => schemas[String(schema.$ref).split("/").pop()!]!;
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const creates = "/api/v1/namespaces/{ns}/secrets";
  const applies = "/api/v1/namespaces/{ns}/manifests";
  const runtime = "/api/v1/runtime/secrets";

  it("takes a manifest as JSON or as text under every YAML media type the routes read", () => {
    for (const path of [creates, applies]) {
      const content = spec("post", path).requestBody!.content;
      expect(Object.keys(content), path).toEqual(["application/json", ...YAML_MEDIA_TYPES]);
      for (const type of YAML_MEDIA_TYPES) {
        expect(target(content[type]!.schema), `${path} ${type}`).toMatchObject({
          type: "string",
          description: expect.stringMatching(/YAML/),
        });
      }
    }
    // POST /secrets also takes a JSON manifest (its summary says so); its JSON schema stays Coffer's body, which the fuzzer draws from.
    expect(spec("post", creates).requestBody!.content["application/json"]!.schema).toEqual(ref("SecretCreate"));
    expect(spec("post", applies).requestBody!.content["application/json"]!.schema).toEqual(ref("KubernetesManifest"));
  });

  it("lists every representation the runtime read answers, as the route spells its Content-Type", () => {
    const content = spec("get", runtime).responses["200"]!.content!;
    expect(Object.keys(content)).toEqual(["application/json", "application/json; profile=kubernetes", "application/yaml"]);
    for (const format of ["yaml", "kubernetes-json"] as const) expect(content).toHaveProperty([mediaTypeKey(contentTypeOf(format))]);
    expect(content["application/json"]!.schema).toEqual(ref("RuntimeSecrets"));
    expect(target(content["application/yaml"]!.schema).type).toBe("string");
  });

  it("describes a rendered manifest, each optional field present, in both representations", () => {
    const b64 = Buffer.from("pw").toString("base64");
    const delivery = {
      service: { name: "web", namespace: "default" },
      secrets: [
        {
          secret: "db",
          version: 2,
          target: "db",
          uid: 0,
          gid: 0,
          mode: "0444",
          envName: null,
          kind: "file" as const,
          files: [{ path: "db", data: b64 }],
        },
      ],
      sources: [{ type: "Opaque", labels: { team: "web" }, immutable: true, keys: ["password"] }],
    };
    const list = spec("get", runtime).responses["200"]!.content!["application/json; profile=kubernetes"]!.schema;
    const parsed = JSON.parse(renderManifest(delivery, "kubernetes-json", "apps"));
    expect(parsed.items[0]).toMatchObject({ metadata: { namespace: "apps", labels: { team: "web" } }, immutable: true });
    expect(checkAgainstSchema(parsed, list, schemas)).toEqual([]);
    const item = (target(list).properties as Record<string, Schema>).items!.items as Schema;
    const documents = parseAllDocuments(renderManifest(delivery, "yaml", "apps")) as { toJS(): unknown }[];
    expect(documents).toHaveLength(1);
    for (const doc of documents) expect(checkAgainstSchema(doc.toJS(), item, schemas)).toEqual([]);
  });

  it("describes every other body as application/json alone, as before", () => {
    const manifestRoutes = new Set([`post ${creates}`, `post ${applies}`, `get ${runtime}`]);
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Spec>>)) {
      for (const [method, { requestBody, responses }] of Object.entries(methods)) {
        if (manifestRoutes.has(`${method} ${path}`)) continue;
        const contents = [requestBody?.content, ...Object.values(responses).map((r) => r.content)].filter(Boolean);
        for (const content of contents) expect(Object.keys(content!), `${method} ${path}`).toEqual(["application/json"]);
      }
    }
  });
});
