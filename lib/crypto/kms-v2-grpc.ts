// The Kubernetes KMS v2 gRPC service, loaded once from the shared descriptor
// (packages/contracts/src/kms). The client (kms.ts) and the reference plugin
// (kms-server.ts) both take it from here, so they cannot drift apart.
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { KMS_V2_SERVICE, kmsV2Descriptor } from "../../packages/contracts/src/kms/kms-v2-descriptor";

export type {
  KmsV2DecryptRequest,
  KmsV2DecryptResponse,
  KmsV2EncryptRequest,
  KmsV2EncryptResponse,
  KmsV2StatusResponse,
} from "../../packages/contracts/src/kms/kms-v2-descriptor";

// keepCase: the wire names (key_id) as in api.proto; defaults: an absent
// field reads as "" / empty bytes / {} instead of undefined.
const definition = protoLoader.fromJSON(kmsV2Descriptor, { keepCase: true, longs: String, defaults: true });

/** The service definition, for `server.addService(kmsV2Service, handlers)`. */
export const kmsV2Service = definition[KMS_V2_SERVICE] as grpc.ServiceDefinition;

/** The client constructor: `new KmsV2Client("unix:///run/kms.sock", credentials)`. */
export const KmsV2Client = grpc.makeClientConstructor(kmsV2Service, KMS_V2_SERVICE);

/** The version string a KMS v2 plugin reports in Status. */
export const KMS_V2_VERSION = "v2";
