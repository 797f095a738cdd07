// Permissions are `resource:verb` (DESIGN 6). The built-in roles below are
// also seeded by migration; an integration test keeps the two in step.

export const PERMISSIONS = [
  "secret:list",
  "secret:inspect",
  "secret:create",
  "secret:update",
  "secret:delete",
  "secret:reveal",
  "secret:purge",
  "service:list",
  "service:inspect",
  "service:create",
  "service:update",
  "service:delete",
  "binding:manage",
  "servicetoken:manage",
  "member:list",
  "member:manage",
  "role:manage",
  "audit:read",
  "audit:export",
  "key:manage",
  "namespace:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

const secretMetadata: Permission[] = ["secret:list", "secret:inspect"];
const serviceMetadata: Permission[] = ["service:list", "service:inspect"];
const serviceAll: Permission[] = [
  ...serviceMetadata,
  "service:create",
  "service:update",
  "service:delete",
];

export type BuiltInRole = {
  id: string;
  name: string;
  description: string;
  permissions: Permission[];
};

export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    id: "role_owner",
    name: "owner",
    description: "Everything, including revealing secret values through the API.",
    permissions: [...PERMISSIONS],
  },
  {
    id: "role_admin",
    name: "admin",
    description: "Everything except revealing secret values and purging deleted secrets at once.",
    permissions: PERMISSIONS.filter((p) => p !== "secret:reveal" && p !== "secret:purge"),
  },
  {
    id: "role_editor",
    name: "editor",
    description: "Manage secrets, services and bindings.",
    permissions: [
      ...secretMetadata,
      "secret:create",
      "secret:update",
      "secret:delete",
      ...serviceAll,
      "binding:manage",
    ],
  },
  {
    id: "role_operator",
    name: "operator",
    description: "Run services: bindings and service tokens; secret metadata only.",
    permissions: [...secretMetadata, ...serviceAll, "binding:manage", "servicetoken:manage"],
  },
  {
    id: "role_viewer",
    name: "viewer",
    description: "Read metadata of secrets and services.",
    permissions: [...secretMetadata, ...serviceMetadata],
  },
  {
    id: "role_auditor",
    name: "auditor",
    description: "Review and export the audit trail; metadata only.",
    permissions: [...secretMetadata, ...serviceMetadata, "member:list", "audit:read", "audit:export"],
  },
];

export const OWNER_ROLE_ID = "role_owner";
