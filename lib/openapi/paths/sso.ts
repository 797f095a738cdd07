// Single sign-on's group → role mappings (issue 16).
import { z } from "zod";
import { groupMappingDtoSchema, groupMappingSchema } from "../../auth/oidc/group-mapping.schema";
import { answer, component, id, type Operation } from "../operation";

const GroupMapping = component("GroupMapping", groupMappingDtoSchema);

export const ssoOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/sso/group-mappings",
    auth: "bearer",
    summary: "Every SSO group → role mapping (member:list)",
    responses: { 200: answer("mappings", component("GroupMappingList", z.object({ groupMappings: z.array(groupMappingDtoSchema) }))) },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/sso/group-mappings",
    auth: "bearer",
    summary: "Map an SSO group to a role for one namespace or all (member:manage; owner only by a global owner)",
    body: component("GroupMappingCreate", groupMappingSchema),
    responses: { 201: answer("mapped", GroupMapping) },
    errors: [400, 401, 403, 409],
  },
  {
    method: "delete",
    path: "/api/v1/sso/group-mappings/{id}",
    auth: "bearer",
    summary: "Remove a mapping (member:manage); its grants go at each member's next SSO sign-in",
    parameters: [id],
    responses: { 204: { description: "removed" } },
    errors: [401, 403, 404],
  },
];
