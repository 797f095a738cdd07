// The Kubernetes KMS v2 API (k8s.io/kms/apis/v2/api.proto, copied beside this
// file with its licence) as a protobufjs JSON descriptor, for
//   protoLoader.fromJSON(kmsV2Descriptor, { keepCase: true, longs: String, defaults: true })
// Data rather than a runtime read of api.proto, because the CLI is bundled to
// one file and the Next.js server bundle does not carry loose .proto files.
// Field names keep the proto's snake_case (key_id): a descriptor object is
// used as written, so keepCase only matters when parsing the .proto itself.
// api.proto is the source of truth: kms-v2-descriptor.test.ts checks that
// both load to the same services, methods and fields.

export const KMS_V2_SERVICE = "v2.KeyManagementService";

// The slice of protobufjs's INamespace this descriptor uses, spelled out so
// this file imports nothing; it is assignable to INamespace.
type FieldDescriptor = { type: string; id: number; keyType?: string };
type MessageDescriptor = { fields: { [name: string]: FieldDescriptor } };
// protobufjs's IMethod types `comment` as required: the upstream comments.
type ServiceDescriptor = { methods: { [name: string]: { requestType: string; responseType: string; comment: string } } };
export type KmsV2Descriptor = {
  nested: {
    [pkg: string]: { options: { [name: string]: string }; nested: { [name: string]: MessageDescriptor | ServiceDescriptor } };
  };
};

export const kmsV2Descriptor: KmsV2Descriptor = {
  nested: {
    v2: {
      options: { go_package: "k8s.io/kms/apis/v2" },
      nested: {
        KeyManagementService: {
          methods: {
            Status: { requestType: "StatusRequest", responseType: "StatusResponse", comment: "this API is meant to be polled" },
            Decrypt: {
              requestType: "DecryptRequest",
              responseType: "DecryptResponse",
              comment: "Execute decryption operation in KMS provider.",
            },
            Encrypt: {
              requestType: "EncryptRequest",
              responseType: "EncryptResponse",
              comment: "Execute encryption operation in KMS provider.",
            },
          },
        },
        StatusRequest: { fields: {} },
        StatusResponse: {
          fields: {
            version: { type: "string", id: 1 },
            healthz: { type: "string", id: 2 },
            key_id: { type: "string", id: 3 },
          },
        },
        DecryptRequest: {
          fields: {
            ciphertext: { type: "bytes", id: 1 },
            uid: { type: "string", id: 2 },
            key_id: { type: "string", id: 3 },
            annotations: { keyType: "string", type: "bytes", id: 4 },
          },
        },
        DecryptResponse: { fields: { plaintext: { type: "bytes", id: 1 } } },
        EncryptRequest: {
          fields: {
            plaintext: { type: "bytes", id: 1 },
            uid: { type: "string", id: 2 },
          },
        },
        EncryptResponse: {
          fields: {
            ciphertext: { type: "bytes", id: 1 },
            key_id: { type: "string", id: 2 },
            annotations: { keyType: "string", type: "bytes", id: 3 },
          },
        },
      },
    },
  },
};

// Wire shapes as proto-loader hands them over with the options above
// (bytes as Buffer, maps as plain objects, absent fields defaulted).
export type KmsV2StatusResponse = { version: string; healthz: string; key_id: string };
export type KmsV2EncryptRequest = { plaintext: Uint8Array; uid: string };
export type KmsV2EncryptResponse = { ciphertext: Uint8Array; key_id: string; annotations: Record<string, Uint8Array> };
export type KmsV2DecryptRequest = {
  ciphertext: Uint8Array;
  uid: string;
  key_id: string;
  annotations: Record<string, Uint8Array>;
};
export type KmsV2DecryptResponse = { plaintext: Uint8Array };
