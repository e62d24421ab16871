-- Imports of tracker data (Kiel Ukraine Support Tracker, OCHA FTS): flows of aid money per donor, recorded on the
-- ledger a batch of flows per event, and read here.
--
-- import_runs and import_staging are the importer's own working tables, not read models: a run stages its validated
-- batches here (each batch committed on its own, so an interrupted run resumes where it stopped), then one transaction
-- appends them to the ledger and projects them. Until then nothing of the run is visible, and a run that is stopped at
-- any point leaves no partial rows anywhere but here.
CREATE TABLE import_runs (
  import_id   text PRIMARY KEY,
  format      text NOT NULL,
  file        text NOT NULL,
  sha256      text NOT NULL,
  status      text NOT NULL,            -- staging | completed
  batches     integer NOT NULL DEFAULT 0,
  started_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE import_staging (
  import_id  text NOT NULL,
  batch      integer NOT NULL,
  flows      integer NOT NULL,
  payload    text NOT NULL,             -- the batch's flows as JSON, exactly as the ledger event will carry them
  PRIMARY KEY (import_id, batch)
);

CREATE TABLE rm_imports (
  import_id      text PRIMARY KEY,
  format         text NOT NULL,
  file           text NOT NULL,
  sha256         text NOT NULL,
  release        text,
  source_id      text,
  rows_read      integer NOT NULL,
  flows          integer NOT NULL,
  skipped_rows   integer NOT NULL,
  organisations  integer NOT NULL,
  completed_on   date NOT NULL,
  visibility     text NOT NULL
);

-- One flow: a donor's money at one stage, for a month (Kiel) or on a day (FTS), in the currency the tracker states,
-- with EUR and USD equivalents (stated by the tracker, or from the ECB rate of that day) and where it came from.
CREATE TABLE rm_flows (
  id              text PRIMARY KEY,
  import_id       text NOT NULL,
  donor_id        text NOT NULL,
  recipient_id    text,
  stage           text NOT NULL,        -- pledged | committed | allocated | paid
  category        text NOT NULL,        -- military | financial | humanitarian | total
  period          text NOT NULL,        -- YYYY-MM or YYYY-MM-DD, as the tracker states it
  month           text NOT NULL,        -- YYYY-MM
  amount          numeric(30, 10) NOT NULL,
  currency        char(3) NOT NULL,
  amount_eur      numeric(30, 10),
  amount_usd      numeric(30, 10),
  rate_source     text NOT NULL,
  rate_stated     numeric(30, 10),      -- the rate the tracker states it used (FTS: original units per USD)
  basis           text NOT NULL,
  source_id       text,
  description     text,
  origin_file     text NOT NULL,
  origin_row      integer NOT NULL,
  origin_release  text,
  visibility      text NOT NULL
);
CREATE INDEX rm_flows_donor_idx ON rm_flows (donor_id, month);
CREATE INDEX rm_flows_import_idx ON rm_flows (import_id);

-- Flows summed by donor, month, stage and category: what the portal charts read.
CREATE TABLE rm_flow_totals (
  donor_id    text NOT NULL,
  month       text NOT NULL,
  stage       text NOT NULL,
  category    text NOT NULL,
  basis       text NOT NULL,
  visibility  text NOT NULL,
  flows       bigint NOT NULL,
  eur         numeric(30, 10) NOT NULL,
  usd         numeric(30, 10) NOT NULL,
  PRIMARY KEY (donor_id, month, stage, category, basis, visibility)
);
