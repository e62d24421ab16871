-- Imported flows are kept once, as the ledger's own content, and no longer copied into a read model a row per flow.
--
-- ledger_contents holds texts that events refer to by their SHA-256 (`contentDigest` in an event's data), deflated:
-- a `FlowsImported` event seals its batch of flows this way, so the chain covers every flow while the event itself
-- stays small. `tranche verify` inflates each content and checks its digest; the signed export carries it.
--
-- flow_batches is the importer's index of its batches: staged (a run in progress, resumable) or recorded (its
-- `FlowsImported` event is on the ledger). Each batch lists the key and line of every source row in it, so the next
-- import finds the rows the ledger already holds in one set-based query instead of an index entry per flow.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM events WHERE type = 'FlowsImported' AND data ? 'rows') THEN
    RAISE EXCEPTION 'this ledger holds imports recorded before flows were kept as content (events with inline rows); import its files again into a new data folder';
  END IF;
END $$;

CREATE TABLE ledger_contents (
  digest    text PRIMARY KEY,           -- hex SHA-256 of the text (UTF-8)
  bytes     integer NOT NULL,           -- the text's length in UTF-8 bytes
  deflated  bytea NOT NULL              -- the text, raw DEFLATE (RFC 1951)
);
-- Already compressed: storing it as it is spares PostgreSQL a second, useless compression.
ALTER TABLE ledger_contents ALTER COLUMN deflated SET STORAGE EXTERNAL;

CREATE TABLE flow_batches (
  import_id  text NOT NULL,
  batch      integer NOT NULL,
  digest     text NOT NULL,             -- its flows' text in ledger_contents
  flows      integer NOT NULL,
  keys       text[] NOT NULL,           -- each source row's key, in file order
  lines      integer[] NOT NULL,        -- and its line
  totals     jsonb NOT NULL,            -- the batch's flows summed by donor, month, stage and category
  PRIMARY KEY (import_id, batch)
);

DROP TABLE import_staging;
DROP TABLE rm_flows;
