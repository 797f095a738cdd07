import { fileURLToPath } from "node:url";
import * as protoLoader from "@grpc/proto-loader";
import { describe, expect, it } from "vitest";
import { KMS_V2_SERVICE, kmsV2Descriptor } from "./kms-v2-descriptor";

const options = { keepCase: true, longs: String, defaults: true };
const protoFile = fileURLToPath(new URL("./api.proto", import.meta.url));

// What a client or server sees of a package definition: for each method its
// path, streaming flags and the fields of both messages (name, number, type,
// map key type). Anything else (comments, source file names) may differ.
function shape(definition: protoLoader.PackageDefinition) {
  const service = definition[KMS_V2_SERVICE] as protoLoader.ServiceDefinition;
  return Object.fromEntries(
    Object.entries(service).map(([name, method]) => [
      name,
      {
        path: method.path,
        requestStream: method.requestStream,
        responseStream: method.responseStream,
        request: fields(method.requestType),
        response: fields(method.responseType),
      },
    ]),
  );
}

type DescriptorProto = {
  name: string;
  field: { name: string; number: number; type: string; label: string; typeName: string }[];
  nestedType: DescriptorProto[];
};

function fields(type: { type: unknown }) {
  const message = type.type as DescriptorProto;
  return {
    name: message.name,
    fields: message.field.map((f) => ({ name: f.name, number: f.number, type: f.type, label: f.label })),
    // maps travel as nested *Entry messages: compare their key/value types too
    entries: message.nestedType.map((entry) => ({
      name: entry.name,
      fields: entry.field.map((f) => ({ name: f.name, number: f.number, type: f.type })),
    })),
  };
}

describe("the KMS v2 descriptor", () => {
  it("loads to the same service shape as the upstream api.proto", () => {
    const fromProto = shape(protoLoader.loadSync(protoFile, options));
    const fromDescriptor = shape(protoLoader.fromJSON(kmsV2Descriptor, options));
    expect(fromDescriptor).toEqual(fromProto);
  });

  it("has the three KMS v2 calls with the upstream field numbers", () => {
    const service = shape(protoLoader.fromJSON(kmsV2Descriptor, options));
    expect(Object.keys(service).sort()).toEqual(["Decrypt", "Encrypt", "Status"]);
    expect(service.Status!.path).toBe("/v2.KeyManagementService/Status");
    expect(service.Decrypt!.request.fields.map((f) => [f.name, f.number])).toEqual([
      ["ciphertext", 1],
      ["uid", 2],
      ["key_id", 3],
      ["annotations", 4],
    ]);
    expect(service.Encrypt!.response.entries[0]!.fields.map((f) => f.type)).toEqual(["TYPE_STRING", "TYPE_BYTES"]);
  });
});
