// Values that broke, or could break, code that trusts its input: the
// classes a probe of the API once got a 500 for (NUL bytes, lone surrogates,
// integers past 2^31/2^53/2^63, dates outside PostgreSQL's range,
// `__proto__` keys) and their neighbours. None contains the leak canary, so
// a canary in a response can only come from the database.
import fc from "fast-check";

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "%2500",
  "..",
  "../..",
  "../../etc/passwd",
  "a/../b",
  "./",
  "/",
  "\ud800",
  "\udfff",
  "a\ud800b",
  "\ufffd",
  "\ufeffname",
  "\u202ename",
  "İstanbul",
  "ß",
  "ﬁle",
  "😀",
  "名前",
  "\r\n",
  "a\nb",
  "\t",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Secret"; --',
  "${jndi:ldap://x}",
  "%",
  "%ZZ",
  "%2e%2e",
  "%c0%ae",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-0",
  "0",
  "-1",
  "1e309",
  "1e-400",
  "0x10",
  "0o777",
  "1.5",
  "2147483647",
  "2147483648",
  "4294967296",
  "9007199254740993",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775809",
  "99999999999999999999999999",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "+275760-09-13",
  "-271821-04-20T00:00:00.000Z",
  "275760-09-14",
  "9999-12-31T23:59:59.999Z",
  "10000-01-01",
  "-000001-01-01T00:00:00Z",
  "2024-02-30",
  "2024-13-01",
  "1970-01-01T00:00:00+99:99",
  "x".repeat(257),
  "y".repeat(4_097),
  "z".repeat(70_000),
];

export const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 63,
  -(2 ** 63),
  2 ** 64,
  1e21,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
];

// JSON.stringify cannot produce these; sent as raw request bodies.
export const HOSTILE_RAW_BODIES = [
  "",
  " ",
  "{",
  '{"a":',
  "[]",
  "[{}]",
  "null",
  "true",
  "0",
  '"text"',
  "{}{}",
  '{"version":9223372036854775808}',
  '{"version":1e400}',
  '{"version":-1e400}',
  '{"version":2147483648}',
  '{"version":1.0000000000000002}',
  '{"uid":1e400,"secret":"s"}',
  '{"__proto__":{"admin":true},"name":"p"}',
  '{"constructor":{"prototype":{"x":1}},"name":"c"}',
  '{"labels":{"__proto__":"v"}}',
  '{"stringData":{"__proto__":"v"}}',
  '{"name":"a","name":"b"}',
  '{"name":"\\u0000"}',
  '{"name":"\\ud800"}',
  '{"stringData":{"k":"\\udfff"}}',
  '\ufeff{"name":"bom"}',
  "[".repeat(20_000) + "]".repeat(20_000),
  '{"a":' + '{"a":'.repeat(5_000) + "1" + "}".repeat(5_001),
];

// Bytes that are not UTF-8 at all: a lone surrogate encoded as CESU-8,
// an overlong NUL, a bare continuation byte.
export const HOSTILE_BYTE_BODIES = [
  Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]),
  Uint8Array.from([...Buffer.from('{"name":"'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]),
  Uint8Array.from([...Buffer.from('{"name":"'), 0xc0, 0x80, ...Buffer.from('"}')]),
  Uint8Array.from([...Buffer.from('{"labels":{"'), 0x80, ...Buffer.from('":"v"}}')]),
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udc00", "%00"), fc.string({ maxLength: 8 }))
        .map((p) => p.join("")),
    },
  );

export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.integer() },
  );

/** An object whose keys may be `__proto__` and friends, built so the key stays data (JSON.stringify sends it). */
export function keyedObject(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

export const hostileKey = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "",
      "\u0000",
      "a\u0000",
      "\ud800",
      "..",
      "a".repeat(300),
      "$where",
      "a.b",
      "a/b",
    ),
    fc.string({ maxLength: 12 }),
  );

/** Anything JSON can carry, leaning on the hostile classes above. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: hostileString() },
      { weight: 3, arbitrary: hostileNumber() },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey(), tie("value")), { maxLength: 3 }).map(keyedObject) },
    ),
  })).value;
