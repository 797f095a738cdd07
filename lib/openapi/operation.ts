// How an operation of the API is declared for the OpenAPI document: its
// method and path, who may call it, the zod schemas of what it reads and
// answers, and its statuses. The document (document.ts) turns these into
// OpenAPI, with every body schema generated from zod.
import { z } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** A schema with the component name it is published under (`#/components/schemas/<name>`). */
export type Component = { name: string; schema: z.ZodType };

export type Parameter = {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  description?: string;
  /** JSON Schema; query parameters of a zod object come from `queryOf`. */
  schema: Record<string, unknown>;
};

/**
 * A body by media type, for a route that reads or answers more than one
 * (YAML beside JSON); several components under one type are alternatives
 * (`anyOf`). A text body such as YAML is a component of `z.string()` with a
 * description: JSON Schema cannot say more about it.
 */
export type Content = Record<string, Component | Component[]>;

/** `body` answered as `contentType` (default application/json), or `content` for several types: one or the other. */
export type ResponseSpec = { description: string; body?: Component; contentType?: string; content?: Content };

export type Operation = {
  method: Method;
  path: string;
  summary: string;
  /**
   * bearer: a personal API token (cfp_); serviceToken: a service token (cfs_); integrationToken: an integration's (cfi_);
   * vaultToken: a cfp_ or cfs_ token as Vault clients send it (X-Vault-Token or bearer), on /v1; public: none.
   */
  auth: "bearer" | "serviceToken" | "integrationToken" | "vaultToken" | "public";
  parameters?: Parameter[];
  /** The request body, as JSON; `bodies` instead for a route that reads several media types. */
  body?: Component;
  bodies?: Content;
  responses: Record<number, ResponseSpec>;
  /** Error statuses answered with the shared Error body and the usual description. */
  errors?: number[];
};

export const component = (name: string, schema: z.ZodType): Component => ({ name, schema });

/** A JSON answer with the given component as its body. */
export const answer = (description: string, body: Component): ResponseSpec => ({ description, body });

export const errorSchema = component(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({ description: "bad_request, unauthorized, forbidden, not_found, conflict, …" }),
      message: z.string(),
    }),
  }),
);

export const pathParameter = (name: string, schema: Record<string, unknown> = { type: "string" }): Parameter => ({
  name,
  in: "path",
  required: true,
  schema,
});

export const ns = pathParameter("ns");
export const name = pathParameter("name");
export const id = pathParameter("id");

/**
 * One query parameter per field of a zod object the route parses its query
 * with (the input side: a whole number may arrive as digits).
 */
export function queryOf(schema: z.ZodObject, only?: string[]): Parameter[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {})
    .filter(([field]) => !only || only.includes(field))
    .map(([field, fieldSchema]) => ({
      name: field,
      in: "query",
      ...(json.required?.includes(field) ? { required: true } : {}),
      schema: fieldSchema,
    }));
}
