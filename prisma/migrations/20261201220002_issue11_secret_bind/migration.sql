-- Issue 11 finding 2: binding a secret to a service is a read of it in
-- disguise (the service's tokens read every bound value), so it needs its
-- own permission, secret:bind. Kept equal to lib/rbac/permissions.ts by a test.
--
-- Only owners and the new deployer role hold it. Custom roles are left as
-- they are: one that could bind before must be given secret:bind on purpose.
-- Service tokens minted by a member without it stop reading (403) until
-- someone who holds it mints a new one.
UPDATE "Role" SET "permissions" = array_append("permissions", 'secret:bind')
  WHERE "id" = 'role_owner' AND NOT ('secret:bind' = ANY ("permissions"));

INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_deployer', 'deployer', 'Deploy services: bind secrets and mint service tokens. Binding grants reading: a service''s tokens read every bound value.', true, ARRAY['secret:list', 'secret:inspect', 'service:list', 'service:inspect', 'service:create', 'service:update', 'service:delete', 'binding:manage', 'servicetoken:manage', 'secret:bind']::TEXT[]);

UPDATE "Role" SET "description" = 'Everything except revealing secret values, binding secrets to services (which reads them) and purging deleted secrets at once.' WHERE "id" = 'role_admin';
UPDATE "Role" SET "description" = 'Manage secrets and services, and remove bindings; secret values stay out of reach (adding a binding needs secret:bind).' WHERE "id" = 'role_editor';
UPDATE "Role" SET "description" = 'Run services: change them, remove bindings, list and revoke their tokens; secret metadata only (binding secrets and minting tokens need secret:bind).' WHERE "id" = 'role_operator';
