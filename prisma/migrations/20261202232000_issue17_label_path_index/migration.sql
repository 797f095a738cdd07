-- Issue 17: `labels @> '{"k":"v"}'` (label=KEY=VALUE) by a jsonb_path_ops GIN
-- index. The jsonb_ops index beside it keys on keys and values apart, so on
-- 100,000 secrets its bitmap for team=t7 cost 6 ms and the planner preferred
-- a sequential scan (43-63 ms) for the console's count; this one hashes the
-- key and value together (0.2 ms, chosen). `labels ? 'k'` (label=KEY) still
-- needs the jsonb_ops one.
CREATE INDEX "Secret_labels_path_idx" ON "Secret" USING GIN ("labels" jsonb_path_ops);
