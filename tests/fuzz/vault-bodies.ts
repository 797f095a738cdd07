// Bodies a Vault client would send to the KV v2 routes, mixed with the
// schema-generated and hostile ones (integration-bodies.ts): writes with
// a check-and-set near the versions the pool secrets have (1 and 2), merge
// patches that remove keys, version lists for undelete/destroy/delete, and
// custom_metadata with Vault's other settings at and off their neutral
// values. Keys include `__proto__` and friends, which must stay keys.
import fc from "fast-check";
import { hostileKey, hostileNumber, hostileValue, keyedObject } from "./hostile-values";

const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("value", "other", "password", "tls.key") },
  { weight: 2, arbitrary: fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "toString") },
  { weight: 1, arbitrary: hostileKey() },
);
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "\u0000", "é", "\ud800") },
);
const cas = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: hostileNumber() },
  { weight: 1, arbitrary: fc.constantFrom("1", null, true) },
);

function dataMap(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const entry = fc.oneof({ weight: 12, arbitrary: fc.tuple(key, value) }, { weight: 1, arbitrary: fc.tuple(key, hostileValue()) });
  return fc.array(entry, { minLength: 1, maxLength: 3 }).map(keyedObject);
}

const withOptions = (data: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .record({ data, options: fc.option(fc.record({ cas }, { requiredKeys: [] }), { freq: 2, nil: undefined }) }, { requiredKeys: ["data"] })
    .map((body) => (body.options === undefined ? { data: body.data } : body));

const versions = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom([1], [1, 2], [2], [1, 2, 3]) },
  { weight: 1, arbitrary: fc.constantFrom([], [0], [-1], ["1"], [2 ** 31], null) },
  { weight: 1, arbitrary: fc.array(hostileNumber(), { maxLength: 3 }) },
);

// Vault's other settings, mostly at their neutral values (the only ones Coffer takes), now and then off them.
const neutralOr = <T, U>(neutral: T, off: U) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(neutral) }, { weight: 1, arbitrary: fc.constant(off) });
const labelKey = fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}$/) }, { weight: 1, arbitrary: hostileKey() });
const customMetadata = fc.record(
  {
    custom_metadata: fc.array(fc.tuple(labelKey, text), { maxLength: 3 }).map(keyedObject),
    max_versions: neutralOr(0, 10),
    cas_required: neutralOr(false, true),
    delete_version_after: neutralOr("0s", "1h"),
  },
  { requiredKeys: [] },
);

const write = () => withOptions(dataMap(text));
const patch = () =>
  withOptions(dataMap(fc.oneof({ weight: 3, arbitrary: text as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constant(null) })));
const versionList = () => fc.record({ versions });
const metadata = () => customMetadata;

export const VAULT_PLAUSIBLE: Record<string, () => fc.Arbitrary<unknown>> = {
  "POST /v1/{mount}/data/{name}": write,
  "PUT /v1/{mount}/data/{name}": write,
  "PATCH /v1/{mount}/data/{name}": patch,
  "POST /v1/{mount}/metadata/{name}": metadata,
  "PUT /v1/{mount}/metadata/{name}": metadata,
  "POST /v1/{mount}/undelete/{name}": versionList,
  "PUT /v1/{mount}/undelete/{name}": versionList,
  "POST /v1/{mount}/destroy/{name}": versionList,
  "PUT /v1/{mount}/destroy/{name}": versionList,
  "POST /v1/{mount}/delete/{name}": versionList,
  "PUT /v1/{mount}/delete/{name}": versionList,
};
