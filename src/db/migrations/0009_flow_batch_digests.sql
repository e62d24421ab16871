-- A digest of each row's flows, origin aside, beside its key and line: comparing a snapshot's rows with the versions
-- an earlier import recorded becomes a join, instead of holding every held row's digest in the importer's memory.
-- Filled when a batch is first compared (the recording transaction reads its content once and writes them), so a
-- batch never compared carries none (NULL), and batches recorded before this column get theirs the same way.
ALTER TABLE flow_batches ADD COLUMN digests text[];
