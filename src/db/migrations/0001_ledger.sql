-- The ledger: one row per event, appended only. `seq` is gap-free and orders the hash chain.
CREATE TABLE events (
  seq          bigint PRIMARY KEY,
  event_id     text NOT NULL UNIQUE,
  stream_id    text NOT NULL,
  stream_type  text NOT NULL,
  version      integer NOT NULL,
  type         text NOT NULL,
  data         jsonb NOT NULL,
  meta         jsonb NOT NULL,
  occurred_on  date,
  recorded_at  timestamptz NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  UNIQUE (stream_id, version)
);
CREATE INDEX events_stream_type_idx ON events (stream_type, seq);

-- The head of the chain: one row, locked by every writer so appends form a single sequence.
CREATE TABLE ledger_head (
  id    boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq   bigint NOT NULL,
  hash  text NOT NULL
);
INSERT INTO ledger_head (id, seq, hash) VALUES (true, 0, repeat('0', 64));

CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on events is refused', TG_OP
    USING ERRCODE = 'P0001', HINT = 'ledger-append-only';
END;
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

-- A retried command with the same key answers with the first result and appends nothing.
CREATE TABLE idempotency_keys (
  key           text PRIMARY KEY,
  request_hash  text NOT NULL,
  result        jsonb NOT NULL,
  recorded_at   timestamptz NOT NULL
);

-- ECB euro reference rates: units of `currency` for one euro on `rate_date`.
CREATE TABLE fx_rates (
  rate_date  date NOT NULL,
  currency   char(3) NOT NULL,
  per_eur    numeric(20, 10) NOT NULL,
  PRIMARY KEY (currency, rate_date)
);
