-- CreateIndex
CREATE INDEX "AuditEvent_actorLabel_seq_idx" ON "AuditEvent"("actorLabel", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_seq_idx" ON "AuditEvent"("outcome", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_namespace_seq_idx" ON "AuditEvent"("namespace", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_resourceType_resourceId_seq_idx" ON "AuditEvent"("resourceType", "resourceId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_resourceName_seq_idx" ON "AuditEvent"("resourceName", "seq");

-- Retention (COFFER_AUDIT_RETENTION_DAYS): the archive job, and only it,
-- sets coffer.audit_archive for its own transaction to delete events it
-- has exported; the chain stays verifiable through the audit.archived
-- event that records the last archived hash.
CREATE OR REPLACE FUNCTION coffer_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('coffer.audit_archive', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
