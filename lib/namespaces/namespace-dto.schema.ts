// A namespace's public shape as a zod schema, for the OpenAPI document; it
// must describe the DTO type exactly (checked at the bottom).
import { z } from "zod";
import type { Agree, Same } from "../openapi/type-agreement";
import type { NamespaceInfo } from "./list-namespaces";

export const namespaceInfoSchema = z.object({ name: z.string(), createdAt: z.iso.datetime() });

export type NamespaceSchemasAgree = Agree<[Same<z.output<typeof namespaceInfoSchema>, NamespaceInfo>]>;
