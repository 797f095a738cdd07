-- Issue 17: the secret list filters in SQL, by index.
-- Label filters: `labels @> '{"k":"v"}'` and `labels ? 'k'` (jsonb_ops serves both).
CREATE INDEX "Secret_labels_idx" ON "Secret" USING GIN ("labels");

-- Name prefix: `name LIKE 'p%' ESCAPE '\'` can use a btree only with the
-- pattern operator class when the database's collation is not "C".
CREATE INDEX "Secret_namespaceId_name_pattern_idx" ON "Secret"("namespaceId", "name" text_pattern_ops);
