-- Read models (projections). Written in the same transaction as the events they follow; rebuilt from the ledger by
-- `tranche rebuild-projections`. Amounts: original as numeric, EUR and USD equivalents as bigint cents.

CREATE TABLE rm_organisations (
  id          text PRIMARY KEY,
  kind        text NOT NULL,
  iso3166     text,
  name_uk     text NOT NULL,
  name_en     text NOT NULL,
  name_ru     text NOT NULL,
  members     text[] NOT NULL,
  visibility  text NOT NULL
);

CREATE TABLE rm_requirements (
  id                  text PRIMARY KEY,
  recipient_id        text NOT NULL,
  title               jsonb NOT NULL,
  category            text NOT NULL,
  quantity            bigint,
  unit                text,
  estimated_amount    numeric(30, 10),
  estimated_currency  text,
  priority_rank       integer NOT NULL,
  status              text NOT NULL,
  visibility          text NOT NULL,
  listed_on           date NOT NULL
);
CREATE INDEX rm_requirements_rank_idx ON rm_requirements (recipient_id, priority_rank);

CREATE TABLE rm_priority_lists (
  recipient_id     text NOT NULL,
  period           text NOT NULL,
  status           text NOT NULL,
  requirement_ids  text[] NOT NULL,
  approvals        text[] NOT NULL,
  visibility       text NOT NULL,
  PRIMARY KEY (recipient_id, period)
);

CREATE TABLE rm_packages (
  id                 text PRIMARY KEY,
  title              jsonb NOT NULL,
  status             text NOT NULL,
  recipient_id       text NOT NULL,
  coordinator_id     text NOT NULL,
  supplier_id        text,
  category           text NOT NULL,
  target_amount      numeric(30, 10) NOT NULL,
  target_currency    text NOT NULL,
  target_eur         bigint NOT NULL,
  target_usd         bigint NOT NULL,
  pledged_eur        bigint NOT NULL DEFAULT 0,
  pledged_usd        bigint NOT NULL DEFAULT 0,
  committed_eur      bigint NOT NULL DEFAULT 0,
  committed_usd      bigint NOT NULL DEFAULT 0,
  paid_eur           bigint NOT NULL DEFAULT 0,
  paid_usd           bigint NOT NULL DEFAULT 0,
  delivered_num      numeric NOT NULL DEFAULT 0,
  delivered_den      numeric NOT NULL DEFAULT 1,
  proposed_on        date NOT NULL,
  validated_on       date,
  funded_on          date,
  contracted_on      date,
  first_shipped_on   date,
  first_received_on  date,
  delivered_on       date,
  closed_on          date,
  cancelled_on       date,
  visibility         text NOT NULL
);
CREATE INDEX rm_packages_status_idx ON rm_packages (status);

CREATE TABLE rm_package_lines (
  package_id      text NOT NULL,
  line_id         text NOT NULL,
  position        integer NOT NULL,
  requirement_id  text,
  description     text NOT NULL,
  category        text NOT NULL,
  quantity        bigint,
  unit            text,
  value_amount    numeric(30, 10),
  shipped         bigint NOT NULL DEFAULT 0,
  received        bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (package_id, line_id)
);
CREATE INDEX rm_package_lines_requirement_idx ON rm_package_lines (requirement_id);

CREATE TABLE rm_shipments (
  package_id     text NOT NULL,
  shipment_id    text NOT NULL,
  dispatched_on  date NOT NULL,
  lines          jsonb NOT NULL,
  PRIMARY KEY (package_id, shipment_id)
);

CREATE TABLE rm_receipts (
  package_id   text NOT NULL,
  receipt_id   text NOT NULL,
  shipment_id  text NOT NULL,
  received_on  date NOT NULL,
  lines        jsonb NOT NULL,
  full_receipt boolean NOT NULL,
  PRIMARY KEY (package_id, receipt_id)
);

CREATE TABLE rm_contributions (
  id              text PRIMARY KEY,
  donor_id        text NOT NULL,
  package_id      text,
  category        text NOT NULL,
  status          text NOT NULL,
  currency        text NOT NULL,
  amount          numeric(30, 10) NOT NULL,
  paid_amount     numeric(30, 10) NOT NULL DEFAULT 0,
  amount_eur      bigint NOT NULL,
  amount_usd      bigint NOT NULL,
  paid_eur        bigint NOT NULL DEFAULT 0,
  paid_usd        bigint NOT NULL DEFAULT 0,
  delivered_eur   bigint NOT NULL DEFAULT 0,
  delivered_usd   bigint NOT NULL DEFAULT 0,
  rate_date       date NOT NULL,
  rate_source     text NOT NULL,
  pledged_on      date NOT NULL,
  committed_on    date,
  last_paid_on    date,
  withdrawn_on    date,
  visibility      text NOT NULL
);
CREATE INDEX rm_contributions_package_idx ON rm_contributions (package_id);
CREATE INDEX rm_contributions_donor_idx ON rm_contributions (donor_id, pledged_on);

-- Donor totals by stage × category × month: a few thousand rows however many contributions there are.
CREATE TABLE rm_donor_totals (
  donor_id    text NOT NULL,
  stage       text NOT NULL,
  category    text NOT NULL,
  month       date NOT NULL,
  visibility  text NOT NULL,
  eur         bigint NOT NULL,
  usd         bigint NOT NULL,
  PRIMARY KEY (donor_id, stage, category, month, visibility)
);

-- Days from pledge to full delivery, counted per donor: the median comes from the counts, at any size.
CREATE TABLE rm_delivery_lags (
  donor_id       text NOT NULL,
  visibility     text NOT NULL,
  lag_days       integer NOT NULL,
  contributions  integer NOT NULL,
  PRIMARY KEY (donor_id, visibility, lag_days)
);

CREATE TABLE rm_sources (
  id            text PRIMARY KEY,
  url           text,
  publisher     text NOT NULL,
  author        text,
  published_on  date,
  language      text NOT NULL,
  title         text NOT NULL,
  body          text NOT NULL,
  story_id      text,
  visibility    text NOT NULL,
  recorded_at   timestamptz NOT NULL
);
CREATE INDEX rm_sources_story_idx ON rm_sources (story_id);

CREATE TABLE rm_claims (
  id               text PRIMARY KEY,
  source_id        text NOT NULL,
  subject_type     text,
  subject_id       text,
  donor_ids        text[] NOT NULL,
  stage            text NOT NULL,
  amount           numeric(30, 10),
  currency         text,
  stated_on        date,
  sentence         text NOT NULL,
  linked_event_ids text[] NOT NULL,
  visibility       text NOT NULL
);
CREATE INDEX rm_claims_source_idx ON rm_claims (source_id);
CREATE INDEX rm_claims_subject_idx ON rm_claims (subject_type, subject_id, stage);

CREATE TABLE rm_figures (
  subject_type  text NOT NULL,
  subject_id    text NOT NULL,
  stage         text NOT NULL,
  claim_id      text,
  low_amount    numeric(30, 10) NOT NULL,
  high_amount   numeric(30, 10) NOT NULL,
  currency      text NOT NULL,
  note          text,
  adopted_on    date NOT NULL,
  PRIMARY KEY (subject_type, subject_id, stage)
);

-- Which sources (and claims) support which event.
CREATE TABLE rm_evidence (
  event_id   text NOT NULL,
  source_id  text NOT NULL,
  claim_id   text NOT NULL DEFAULT '',
  PRIMARY KEY (event_id, source_id, claim_id)
);

-- The events that belong on an entity's timeline: its own stream and related ones (a package's contributions).
CREATE TABLE rm_timeline (
  entity  text NOT NULL,
  seq     bigint NOT NULL,
  PRIMARY KEY (entity, seq)
);
