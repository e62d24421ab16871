-- A batch's keys, lines, totals and row digests are stored as they are, not compressed by PostgreSQL (pglz): they are
-- written once and read when the import is recorded and when a later snapshot holds its rows again, and compressing
-- them cost the server a tenth of its CPU time while a million FTS rows were imported (3.7 s against 4.2 s, four runs
-- of each), for a few megabytes saved. The flows themselves are deflated by Tranche (ledger_contents).
ALTER TABLE flow_batches ALTER COLUMN keys SET STORAGE EXTERNAL;
ALTER TABLE flow_batches ALTER COLUMN lines SET STORAGE EXTERNAL;
ALTER TABLE flow_batches ALTER COLUMN totals SET STORAGE EXTERNAL;
ALTER TABLE flow_batches ALTER COLUMN digests SET STORAGE EXTERNAL;
