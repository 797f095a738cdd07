// Bodies an orchestrator would send, for the integration routes, mixed
// with the schema-generated and hostile ones. dockerd's SecretProviderRequest
// names a Swarm service and secret; most of these name a Coffer service and
// a secret bound to it (one index into the swarmService/swarmSecret pools),
// directly or through the coffer.* labels, so deliveries succeed and the
// delivered value is checked; around them go hostile names, labels and
// the fields dockerd adds. KMS Decrypt gets ciphertexts Encrypt made.
import fc from "fast-check";
import { COFFER_SECRET_LABEL, COFFER_SERVICE_LABEL } from "@/packages/contracts/src/integrations/docker-swarm";
import type { Body } from "./operations";
import { hostileKey, hostileString, hostileValue, keyedObject } from "./hostile-values";
import { PoolRef } from "./pool-ref";
import { VAULT_PLAUSIBLE } from "./vault-bodies";

const DELIVERIES = "POST /api/v1/integrations/docker-swarm/deliveries";
const ENCRYPT = "POST /api/v1/integrations/kubernetes-kms/encrypt";
const DECRYPT = "POST /api/v1/integrations/kubernetes-kms/decrypt";

const swarmId = fc.stringMatching(/^[a-z0-9]{25}$/);
const swarmName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const odd = () => fc.oneof({ weight: 3, arbitrary: hostileString() }, { weight: 1, arbitrary: hostileValue() });
const sometimes = <T>(value: fc.Arbitrary<T>, hostile = odd()) =>
  fc.option(fc.oneof({ weight: 24, arbitrary: value as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostile }), { freq: 3 });

// Labels beside the coffer.* one: plain ones, now and then a hostile key or
// value, or the coffer.* label itself hostile (overwritten where the pool's is set).
function labels(cofferLabel: string): fc.Arbitrary<Record<string, unknown>> {
  const entry = fc.oneof(
    { weight: 16, arbitrary: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/), fc.string({ maxLength: 16 }) as fc.Arbitrary<unknown>) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("__proto__", "constructor", cofferLabel), odd()) },
    { weight: 1, arbitrary: fc.tuple(hostileKey(), fc.string({ maxLength: 8 }) as fc.Arbitrary<unknown>) },
  );
  return fc.array(entry, { maxLength: 3 }).map(keyedObject);
}

/** A copy of a label map with one more label, kept as a data key whatever the others are. */
const withLabel = (map: Record<string, unknown>, key: string, value: unknown) =>
  keyedObject([...Object.keys(map).map((k) => [k, map[k]] as [string, unknown]), [key, value]]);

function swarmRequest(): fc.Arbitrary<unknown> {
  return fc
    .record({
      index: fc.nat({ max: 63 }),
      // A service and a secret of different bindings: not bound, or unknown.
      secretIndex: fc.option(fc.nat({ max: 63 }), { freq: 5 }),
      serviceBy: fc.constantFrom("name", "name", "name", "label", "both", "neither"),
      secretBy: fc.constantFrom("name", "name", "name", "label", "hostile"),
      version: fc.oneof(
        { weight: 8, arbitrary: fc.constant("") },
        { weight: 1, arbitrary: fc.constantFrom("@1", "@2", "@0", "@-1", "@99", "@1.5", "@", "@@1", "@2147483648", "@0x1") },
      ),
      swarmService: swarmName,
      swarmSecret: swarmName,
      secretLabels: labels(COFFER_SECRET_LABEL),
      serviceLabels: labels(COFFER_SERVICE_LABEL),
      extras: fc.record(
        {
          ServiceID: sometimes(swarmId),
          TaskID: sometimes(swarmId),
          TaskName: sometimes(swarmName.map((name) => `${name}.1.${"x".repeat(25)}`)),
          TaskImage: sometimes(fc.constant("localbusy:1")),
          NodeID: sometimes(swarmId),
          ServiceHostname: sometimes(swarmName),
          ServiceEndpointSpec: sometimes(fc.constantFrom({}, { Mode: "vip" }), hostileValue()),
        },
        { requiredKeys: [] },
      ),
      // Fields dockerd never sends, now and then.
      hostile: fc.oneof(
        { weight: 5, arbitrary: fc.constant([] as [string, unknown][]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey(), hostileValue()), { minLength: 1, maxLength: 2 }) },
      ),
      hostileName: odd(),
    })
    .map((drawn) => {
      const service = new PoolRef("swarmService", drawn.index);
      const secret = new PoolRef("swarmSecret", drawn.secretIndex ?? drawn.index, drawn.version);
      const body: [string, unknown][] = [];
      if (drawn.secretBy === "name") body.push(["SecretName", secret]);
      else if (drawn.secretBy === "hostile") body.push(["SecretName", drawn.hostileName]);
      else body.push(["SecretName", drawn.swarmSecret], ["SecretLabels", withLabel(drawn.secretLabels, COFFER_SECRET_LABEL, secret)]);
      if (drawn.serviceBy === "name" || drawn.serviceBy === "both") body.push(["ServiceName", service]);
      if (drawn.serviceBy === "label") body.push(["ServiceName", drawn.swarmService]);
      if (drawn.serviceBy === "label" || drawn.serviceBy === "both")
        body.push(["ServiceLabels", withLabel(drawn.serviceLabels, COFFER_SERVICE_LABEL, service)]);
      for (const [key, value] of Object.entries(drawn.extras)) if (value !== undefined && value !== null) body.push([key, value]);
      return keyedObject([...body, ...drawn.hostile]);
    });
}

const base64Of = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((bytes) => Buffer.from(bytes).toString("base64"));
const uid = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: odd() });

function kmsEncryptRequest(): fc.Arbitrary<unknown> {
  const plaintext = fc.oneof(
    { weight: 6, arbitrary: base64Of(32, 32) },
    { weight: 2, arbitrary: base64Of(1, 512) },
    { weight: 1, arbitrary: base64Of(513, 600) },
    { weight: 1, arbitrary: fc.constantFrom("", "====", "AA", "A", "*", "AAAA\u0000", " AAAA") },
  );
  return fc.record({ plaintext, uid }, { requiredKeys: ["plaintext"] });
}

function kmsDecryptRequest(): fc.Arbitrary<unknown> {
  const annotations = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant({ "version.encryption.remote.io": "djE=" }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey(), fc.oneof(base64Of(0, 8), odd())), { maxLength: 2 }).map(keyedObject) },
  );
  return fc.record(
    {
      ciphertext: fc.oneof(
        { weight: 6, arbitrary: fc.nat({ max: 63 }).map((i) => new PoolRef("kmsCiphertext", i)) },
        { weight: 1, arbitrary: base64Of(1, 40) },
      ),
      keyId: fc.oneof(
        { weight: 6, arbitrary: fc.nat({ max: 63 }).map((i) => new PoolRef("kmsKeyId", i)) },
        { weight: 1, arbitrary: odd() },
      ),
      uid,
      annotations,
    },
    { requiredKeys: ["ciphertext", "keyId"] },
  );
}

const PLAUSIBLE: Record<string, () => fc.Arbitrary<unknown>> = {
  [DELIVERIES]: swarmRequest,
  [ENCRYPT]: kmsEncryptRequest,
  [DECRYPT]: kmsDecryptRequest,
  ...VAULT_PLAUSIBLE,
};

/** The operation's bodies, with plausible ones mixed in for the integration and Vault routes. */
export function plausibleBodies(key: string, generated: fc.Arbitrary<Body>): fc.Arbitrary<Body> {
  const plausible = PLAUSIBLE[key];
  if (!plausible) return generated;
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: plausible().map((value) => ({ kind: "json", value }) as Body) },
    { weight: 1, arbitrary: generated },
  );
}
