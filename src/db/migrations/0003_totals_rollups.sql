-- Summaries read small tables whatever the number of contributions: the donor totals are also kept rolled up by
-- the dimensions a chart groups on. Every rollup is updated with the same deltas as rm_donor_totals.
CREATE TABLE rm_totals_stage (
  stage       text NOT NULL,
  visibility  text NOT NULL,
  eur         bigint NOT NULL,
  usd         bigint NOT NULL,
  PRIMARY KEY (stage, visibility)
);
CREATE TABLE rm_totals_donor (
  donor_id    text NOT NULL,
  stage       text NOT NULL,
  visibility  text NOT NULL,
  eur         bigint NOT NULL,
  usd         bigint NOT NULL,
  PRIMARY KEY (donor_id, stage, visibility)
);
CREATE TABLE rm_totals_month (
  month       date NOT NULL,
  stage       text NOT NULL,
  visibility  text NOT NULL,
  eur         bigint NOT NULL,
  usd         bigint NOT NULL,
  PRIMARY KEY (month, stage, visibility)
);
CREATE TABLE rm_totals_category (
  category    text NOT NULL,
  stage       text NOT NULL,
  visibility  text NOT NULL,
  eur         bigint NOT NULL,
  usd         bigint NOT NULL,
  PRIMARY KEY (category, stage, visibility)
);
CREATE TABLE rm_totals_donor_month (
  donor_id    text NOT NULL,
  month       date NOT NULL,
  stage       text NOT NULL,
  visibility  text NOT NULL,
  eur         bigint NOT NULL,
  usd         bigint NOT NULL,
  PRIMARY KEY (donor_id, month, stage, visibility)
);

INSERT INTO rm_totals_stage SELECT stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2;
INSERT INTO rm_totals_donor SELECT donor_id, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3;
INSERT INTO rm_totals_month SELECT month, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3;
INSERT INTO rm_totals_category SELECT category, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3;
INSERT INTO rm_totals_donor_month SELECT donor_id, month, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3, 4;

-- The donors of each package, kept on its row so the pipeline list needs no scan of contributions.
ALTER TABLE rm_packages ADD COLUMN donor_ids text[] NOT NULL DEFAULT '{}';
UPDATE rm_packages p SET donor_ids = coalesce(
  (SELECT array_agg(DISTINCT c.donor_id ORDER BY c.donor_id) FROM rm_contributions c WHERE c.package_id = p.id AND c.status <> 'withdrawn'),
  '{}');

-- The pipeline is listed a page at a time in proposal order.
CREATE INDEX rm_packages_proposed_idx ON rm_packages (proposed_on, id);
