// Checks a JSON value against a JSON Schema of the OpenAPI document,
// strictly: an object property the schema does not declare is an error
// unless the schema gives `additionalProperties` a schema (a map). Only the
// keywords the document uses are understood, and any other keyword is an
// error too, so a constraint can never be skipped without a word.
type Schema = Record<string, unknown>;

/** Keywords that describe and constrain nothing a response can break. */
const ANNOTATIONS = new Set([
  "description",
  "format",
  "contentEncoding",
  "default",
  "title",
  "examples",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "maxProperties",
]);
const CHECKED = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "pattern",
]);
/** What a schema of the document may use. */
export const KEYWORDS = [...CHECKED, ...ANNOTATIONS];

const typeOf = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value;

/** Every problem found, as `path: what`; an empty list means the value conforms. */
export function checkAgainstSchema(value: unknown, schema: Schema, components: Record<string, Schema>, path = "$"): string[] {
  const unknownKeyword = Object.keys(schema).find((key) => !CHECKED.has(key) && !ANNOTATIONS.has(key));
  if (unknownKeyword) return [`${path}: the schema uses "${unknownKeyword}", which this check does not understand`];
  if (typeof schema.$ref === "string") {
    const target = components[schema.$ref.replace("#/components/schemas/", "")];
    return target ? checkAgainstSchema(value, target, components, path) : [`${path}: unresolved ${schema.$ref}`];
  }
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices) {
    const results = choices.map((choice) => checkAgainstSchema(value, choice, components, path));
    const passing = results.filter((problems) => problems.length === 0).length;
    if (schema.oneOf && passing > 1) return [`${path}: matches ${passing} of oneOf`];
    if (!passing) return [`${path}: matches none of ${choices.length} choices (${results.map((r) => r[0]).join(" | ")})`];
  }
  if (schema.allOf) return checkAgainstSchema(value, merged(schema.allOf as Schema[], components), components, path);

  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!allowed.includes(actual) && !(actual === "integer" && allowed.includes("number")))
      return [`${path}: ${actual}, expected ${allowed.join(" or ")}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ("const" in schema && schema.const !== value)
    problems.push(`${path}: ${JSON.stringify(value)}, expected ${JSON.stringify(schema.const)}`);
  if (typeof schema.pattern === "string" && typeof value === "string" && !new RegExp(schema.pattern).test(value))
    problems.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  if (actual === "array" && schema.items)
    (value as unknown[]).forEach((item, i) =>
      problems.push(...checkAgainstSchema(item, schema.items as Schema, components, `${path}[${i}]`)),
    );
  if (actual === "object" && (schema.type === "object" || schema.properties || schema.additionalProperties !== undefined))
    problems.push(...checkObject(value as Record<string, unknown>, schema, components, path));
  return problems;
}

function checkObject(value: Record<string, unknown>, schema: Schema, components: Record<string, Schema>, path: string): string[] {
  const problems: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const key of (schema.required ?? []) as string[]) if (!(key in value)) problems.push(`${path}.${key}: required, missing`);
  const extra = schema.additionalProperties;
  for (const [key, child] of Object.entries(value)) {
    if (schema.propertyNames)
      problems.push(...checkAgainstSchema(key, schema.propertyNames as Schema, components, `${path} key ${JSON.stringify(key)}`));
    if (key in properties) problems.push(...checkAgainstSchema(child, properties[key]!, components, `${path}.${key}`));
    else if (extra && typeof extra === "object") problems.push(...checkAgainstSchema(child, extra as Schema, components, `${path}.${key}`));
    else if (extra !== true) problems.push(`${path}.${key}: not described by the schema`);
  }
  return problems;
}

/** allOf of object schemas as one object schema: the parts' properties and requirements together. */
function merged(parts: Schema[], components: Record<string, Schema>): Schema {
  const resolved = parts.map((part) =>
    typeof part.$ref === "string" ? (components[part.$ref.replace("#/components/schemas/", "")] ?? {}) : part,
  );
  return {
    type: "object",
    properties: Object.assign({}, ...resolved.map((part) => part.properties ?? {})),
    required: resolved.flatMap((part) => (part.required ?? []) as string[]),
  };
}
