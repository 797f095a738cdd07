// Request bodies from the JSON Schemas of the OpenAPI document (which are
// generated from the routes' zod schemas where those are exported). Most
// of each value conforms, so requests get past the 400 at the door into
// the domain code; at every level a share is replaced by a hostile value,
// a required key is dropped or a `__proto__` key added.
import fc from "fast-check";
import { PERMISSIONS } from "@/lib/rbac/permissions";
import { hostileKey, hostileNumber, hostileString, hostileValue, keyedObject } from "./hostile-values";
import { poolRef } from "./pool-ref";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

export type Components = Record<string, JsonSchema>;

const PASSWORD = "correct horse battery";
const labelKey = fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}[a-z0-9]$/);
const base64 = fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString("base64"));

// Fields whose valid values are references to rows that exist, or that a
// schema cannot express (label keys, base64, a known password). Keyed
// `Component.property`, or `property` for any component.
const HINTS: Record<string, () => fc.Arbitrary<unknown>> = {
  "BindingCreate.secret": () => poolRef("secret"),
  "BindingCreate.target": () => fc.oneof(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?$/), poolRef("bindingTarget")),
  "BindingCreate.key": () => fc.constantFrom("value", "other", "missing"),
  "BindingCreate.mode": () => fc.constantFrom("0444", "0400", "440", "0o600", 292, 511, "0999", "07777", -1, 4096),
  "BindingCreate.pinnedVersion": () => fc.integer({ min: 1, max: 4 }),
  "GrantCreate.userId": () => poolRef("userId"),
  "GrantCreate.role": () => poolRef("role"),
  "InviteCreate.role": () => poolRef("role"),
  "InviteCreate.email": () => fc.oneof(fc.emailAddress(), poolRef("email")),
  "InviteAccept.token": () => poolRef("inviteToken"),
  "InviteAccept.password": () => fc.constant(PASSWORD),
  "PasswordReset.token": () => poolRef("resetToken"),
  "PasswordResetCheck.token": () => poolRef("resetToken"),
  "PasswordReset.password": () => fc.constant(PASSWORD),
  "TokenRequest.email": () => poolRef("email"),
  "TokenRequest.password": () => fc.constantFrom(PASSWORD, "wrong password!"),
  "TokenRequest.expiresInDays": () => fc.integer({ min: 1, max: 3650 }),
  "Setup.password": () => fc.constant(PASSWORD),
  "Setup.email": () => fc.emailAddress(),
  "Rollback.version": () => fc.integer({ min: 1, max: 4 }),
  "RoleCreate.name": () => fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
  "ServiceToken.expiresInDays": () => fc.integer({ min: 1, max: 3650 }),
  permissions: () =>
    fc.oneof(fc.subarray([...PERMISSIONS]), fc.array(fc.constantFrom("secret:*", "*", "secret:list", "secret:list "), { maxLength: 3 })),
  namespace: () => fc.oneof(fc.constantFrom("default", "other", null), poolRef("namespace")),
  "NamespaceCreate.name": () => fc.stringMatching(/^[a-z][a-z0-9-]{0,12}[a-z0-9]$/),
  email: () => fc.emailAddress(),
};

// Map-valued properties: what their keys and values should look like.
const MAP_HINTS: Record<string, { key: fc.Arbitrary<string>; value: () => fc.Arbitrary<unknown> }> = {
  labels: {
    key: labelKey,
    value: () =>
      fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: injected(fc.string({ maxLength: 8 })) }),
  },
  data: { key: fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/), value: () => base64 },
  stringData: {
    key: fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/),
    value: () =>
      fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: injected(fc.string({ maxLength: 8 })) }),
  },
};

// Where PostgreSQL's integer, JavaScript's safe integers and bigint end.
const INTEGER_EDGES = [2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 2 ** 63, -1, 0, 1.5, 1e21];

/** A value that would pass, with one character no database column can hold. */
export function injected(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.constantFrom("\u0000", "\ud800", "\udfff"), fc.nat()).map(([text, bad, at]) => {
    const cut = text.length ? at % (text.length + 1) : 0;
    return text.slice(0, cut) + bad + text.slice(cut);
  });
}

type Context = { components: Components; component?: string; property?: string; depth: number };

/** Mostly conforming, sometimes hostile. */
export function schemaArbitrary(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 14, arbitrary: conforming(schema, context) },
    { weight: 3, arbitrary: hostileFor(resolve(schema, context).schema) },
    { weight: 1, arbitrary: hostileValue() },
  );
}

// The wrong value of the right type reaches further than a wrong type:
// 2^31 for an integer column, a NUL in a name, an array for a map.
function hostileFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"]);
  if (types.has("integer") || types.has("number"))
    return fc.oneof(fc.constantFrom(...INTEGER_EDGES), hostileNumber(), hostileNumber().map(String));
  if (types.has("string")) return fc.oneof(injected(stringOf(schema)), hostileString());
  if (types.has("object") || types.has("array")) return fc.constantFrom([], [{}], null, "{}", 0);
  return hostileValue();
}

function resolve(schema: JsonSchema, context: Context): { schema: JsonSchema; component?: string } {
  if (!schema.$ref) return { schema, component: context.component };
  const name = schema.$ref.split("/").pop()!;
  return { schema: context.components[name] ?? {}, component: name };
}

function conforming(input: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const { schema, component } = resolve(input, context);
  const hint = context.property && (HINTS[`${component}.${context.property}`] ?? HINTS[context.property]);
  if (hint) return hint();
  if (schema.allOf) return conforming(mergeAll(schema.allOf.map((part) => resolve(part, context).schema)), { ...context, component });
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => conforming(choice, { ...context, component })));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["any"];
  return fc.oneof(...types.map((type) => ofType(type, schema, { ...context, component })));
}

function ofType(type: string, schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringOf(schema);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1_000, 2 ** 31 - 1) });
    case "number":
      return fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1_000 }));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schemaArbitrary(schema.items ?? {}, { ...context, property: undefined, depth: context.depth + 1 }), { maxLength: 4 });
    case "object":
      return objectOf(schema, context);
    default:
      return hostileValue();
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === "email") return fc.emailAddress();
  if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  const minLength = schema.minLength ?? 0;
  return fc.oneof(fc.string({ minLength, maxLength: Math.min(schema.maxLength ?? 24, 24) }), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/));
}

function objectOf(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  const mapHint = context.property ? MAP_HINTS[context.property] : undefined;
  if (mapHint || (!schema.properties && typeof schema.additionalProperties === "object")) {
    const key = mapHint?.key ?? labelKey;
    const value = mapHint
      ? mapHint.value()
      : schemaArbitrary(schema.additionalProperties as JsonSchema, { ...context, property: undefined, depth: context.depth + 1 });
    // `__proto__` and friends as keys of a valid map: keys are data, never object properties.
    const entry = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(key, value) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("__proto__", "constructor", "toString"), value) },
      { weight: 1, arbitrary: fc.tuple(hostileKey(), fc.oneof(value, hostileValue())) },
    );
    return fc.array(entry, { maxLength: 4 }).map(keyedObject);
  }
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([name, child]) =>
    fc.tuple(
      fc.constant(name),
      schemaArbitrary(child, { ...context, property: name, depth: context.depth + 1 }),
      // Optional keys are present half the time; a required one is dropped now and then.
      required.has(name)
        ? fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })
        : fc.boolean(),
    ),
  );
  const extras = fc.oneof(
    { weight: 6, arbitrary: fc.constant([] as [string, unknown][]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey(), hostileValue()), { minLength: 1, maxLength: 2 }) },
  );
  return fc
    .tuple(fc.tuple(...fields), extras)
    .map(([chosen, extra]) =>
      keyedObject([...chosen.filter(([, , present]) => present).map(([name, value]) => [name, value] as [string, unknown]), ...extra]),
    );
}

function mergeAll(parts: JsonSchema[]): JsonSchema {
  return {
    type: "object",
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => part.required ?? []),
  };
}
