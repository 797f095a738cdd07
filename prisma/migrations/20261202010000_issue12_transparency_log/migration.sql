-- The audit log as a transparency log (README, "Audit log").
--
-- Appends no longer take a lock or read the previous event: seq comes from
-- a sequence. coffer_audit_seq() first makes sure the transaction has an
-- id, then takes the number, so that any transaction holding a number
-- shows in a snapshot taken after that number was read (the sequencer's
-- horizon, lib/audit/log/horizon.ts).
CREATE SEQUENCE "AuditEvent_seq_seq" AS BIGINT OWNED BY "AuditEvent"."seq";
SELECT setval('"AuditEvent_seq_seq"', COALESCE((SELECT max("seq") FROM "AuditEvent"), 0) + 1, false);

CREATE FUNCTION coffer_audit_seq() RETURNS BIGINT
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('"AuditEvent_seq_seq"');
END;
$$;

ALTER TABLE "AuditEvent" ALTER COLUMN "seq" SET DEFAULT coffer_audit_seq();

-- The old chain stays readable for the events written before; new events
-- have neither link nor hash.
ALTER TABLE "AuditEvent" ALTER COLUMN "prevHash" DROP NOT NULL;
ALTER TABLE "AuditEvent" ALTER COLUMN "hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AuditLeaf" (
    "leafIndex" BIGINT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "AuditLeaf_pkey" PRIMARY KEY ("leafIndex")
);

-- CreateTable
CREATE TABLE "AuditNode" (
    "level" INTEGER NOT NULL,
    "index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "AuditNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "size" BIGINT NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "keyId" TEXT NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("size")
);

-- CreateTable
CREATE TABLE "AuditSequencer" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "holder" TEXT,
    "leaseUntil" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sealedThroughSeq" BIGINT NOT NULL DEFAULT 0,
    "frontier" BYTEA NOT NULL,

    CONSTRAINT "AuditSequencer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditLeaf_seq_key" ON "AuditLeaf"("seq");

-- The empty tree: size 0, no subtrees (8 zero bytes).
INSERT INTO "AuditSequencer" ("id", "frontier") VALUES (1, '\x0000000000000000'::bytea);

-- The tree is as append-only as the events it seals.
CREATE FUNCTION coffer_audit_tree_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLeaf_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditLeaf"
  FOR EACH ROW EXECUTE FUNCTION coffer_audit_tree_append_only();
CREATE TRIGGER "AuditLeaf_no_truncate" BEFORE TRUNCATE ON "AuditLeaf"
  FOR EACH STATEMENT EXECUTE FUNCTION coffer_audit_tree_append_only();
CREATE TRIGGER "AuditNode_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditNode"
  FOR EACH ROW EXECUTE FUNCTION coffer_audit_tree_append_only();
CREATE TRIGGER "AuditNode_no_truncate" BEFORE TRUNCATE ON "AuditNode"
  FOR EACH STATEMENT EXECUTE FUNCTION coffer_audit_tree_append_only();
CREATE TRIGGER "AuditCheckpoint_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION coffer_audit_tree_append_only();
CREATE TRIGGER "AuditCheckpoint_no_truncate" BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION coffer_audit_tree_append_only();
