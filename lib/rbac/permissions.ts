// Permissions are `resource:verb`. The built-in roles below are
// also seeded by migration; an integration test keeps the two in step.

export const PERMISSIONS = [
  "secret:list",
  "secret:inspect",
  "secret:create",
  "secret:update",
  "secret:delete",
  "secret:reveal",
  "secret:purge",
  // Binding a secret to a service is a read in disguise: the service's
  // tokens read every bound value (Kubernetes says the same of pod creation).
  "secret:bind",
  "service:list",
  "service:inspect",
  "service:create",
  "service:update",
  "service:delete",
  "binding:manage",
  "servicetoken:manage",
  // An integration (a Swarm secret driver, a KMS plugin) is a credential
  // for a whole namespace; a docker-swarm one also needs secret:bind.
  "integration:manage",
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

/**
 * Plain words for permissions whose name undersells them, shown wherever
 * the console offers or lists them.
 */
export const PERMISSION_LABELS: Partial<Record<Permission, string>> = {
  "secret:bind": "Bind secrets to services — grants reading: the service's tokens read every bound value",
  "integration:manage":
    "Create, list and revoke integrations (Docker Swarm, Kubernetes KMS); a Docker Swarm integration reads every bound secret of the namespace",
};

const secretMetadata: Permission[] = ["secret:list", "secret:inspect"];
const serviceMetadata: Permission[] = ["service:list", "service:inspect"];
const serviceAll: Permission[] = [...serviceMetadata, "service:create", "service:update", "service:delete"];

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
    description:
      "Everything except revealing secret values, binding secrets to services (which reads them) and purging deleted secrets at once.",
    permissions: PERMISSIONS.filter((p) => p !== "secret:reveal" && p !== "secret:purge" && p !== "secret:bind"),
  },
  {
    id: "role_editor",
    name: "editor",
    description: "Manage secrets and services, and remove bindings; secret values stay out of reach (adding a binding needs secret:bind).",
    permissions: [...secretMetadata, "secret:create", "secret:update", "secret:delete", ...serviceAll, "binding:manage"],
  },
  {
    id: "role_deployer",
    name: "deployer",
    description:
      "Deploy services: bind secrets, mint service tokens and integrations. Binding grants reading: a service's tokens read every bound value.",
    permissions: [...secretMetadata, ...serviceAll, "binding:manage", "servicetoken:manage", "secret:bind", "integration:manage"],
  },
  {
    id: "role_operator",
    name: "operator",
    description:
      "Run services: change them, remove bindings, list and revoke their tokens; secret metadata only (binding secrets and minting tokens need secret:bind).",
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
