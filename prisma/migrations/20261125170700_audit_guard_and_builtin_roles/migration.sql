-- The audit trail is append-only: the database itself refuses to change or
-- remove a row, whatever the application does.
CREATE FUNCTION coffer_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION coffer_audit_append_only();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION coffer_audit_append_only();

-- The namespace every instance starts with (DESIGN 2).
INSERT INTO "Namespace" ("id", "name") VALUES ('ns_default', 'default');

-- Built-in roles (DESIGN 6), kept equal to lib/rbac/permissions.ts by a test.
INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_owner', 'owner', 'Everything, including revealing secret values through the API.', true, ARRAY['secret:list', 'secret:inspect', 'secret:create', 'secret:update', 'secret:delete', 'secret:reveal', 'service:list', 'service:inspect', 'service:create', 'service:update', 'service:delete', 'binding:manage', 'servicetoken:manage', 'member:list', 'member:manage', 'role:manage', 'audit:read', 'audit:export', 'key:manage', 'namespace:manage']::TEXT[]);
INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_admin', 'admin', 'Everything except revealing secret values.', true, ARRAY['secret:list', 'secret:inspect', 'secret:create', 'secret:update', 'secret:delete', 'service:list', 'service:inspect', 'service:create', 'service:update', 'service:delete', 'binding:manage', 'servicetoken:manage', 'member:list', 'member:manage', 'role:manage', 'audit:read', 'audit:export', 'key:manage', 'namespace:manage']::TEXT[]);
INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_editor', 'editor', 'Manage secrets, services and bindings.', true, ARRAY['secret:list', 'secret:inspect', 'secret:create', 'secret:update', 'secret:delete', 'service:list', 'service:inspect', 'service:create', 'service:update', 'service:delete', 'binding:manage']::TEXT[]);
INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_operator', 'operator', 'Run services: bindings and service tokens; secret metadata only.', true, ARRAY['secret:list', 'secret:inspect', 'service:list', 'service:inspect', 'service:create', 'service:update', 'service:delete', 'binding:manage', 'servicetoken:manage']::TEXT[]);
INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_viewer', 'viewer', 'Read metadata of secrets and services.', true, ARRAY['secret:list', 'secret:inspect', 'service:list', 'service:inspect']::TEXT[]);
INSERT INTO "Role" ("id", "name", "description", "builtIn", "permissions") VALUES ('role_auditor', 'auditor', 'Review and export the audit trail; metadata only.', true, ARRAY['secret:list', 'secret:inspect', 'service:list', 'service:inspect', 'member:list', 'audit:read', 'audit:export']::TEXT[]);
