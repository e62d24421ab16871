-- A tracker's sums are those of its latest release: rm_flow_totals keeps each release's totals apart, under the
-- source that cites it (`kiel-r29`; `ocha-fts` for every FTS snapshot, whose repeated flows are left out already), so
-- that a second Kiel release supersedes the first instead of being added to it. The totals are made again from the
-- ledger's `FlowsImported` events, as the projection makes them: their totals under the source their evidence names.
ALTER TABLE rm_flow_totals ADD COLUMN source_id text NOT NULL DEFAULT '';
ALTER TABLE rm_flow_totals DROP CONSTRAINT rm_flow_totals_pkey;
DELETE FROM rm_flow_totals;
ALTER TABLE rm_flow_totals ADD PRIMARY KEY (source_id, donor_id, month, stage, category, basis, visibility);
ALTER TABLE rm_flow_totals ALTER COLUMN source_id DROP DEFAULT;

INSERT INTO rm_flow_totals (source_id, donor_id, month, stage, category, basis, visibility, flows, eur, usd)
SELECT coalesce(e.meta->'evidence'->>0, ''), t.value->>0, t.value->>1, t.value->>2, t.value->>3, e.meta->>'basis',
       e.meta->>'visibility', sum((t.value->>4)::bigint), sum((t.value->>5)::numeric), sum((t.value->>6)::numeric)
FROM events e, jsonb_array_elements(e.data->'totals') AS t(value)
WHERE e.type = 'FlowsImported'
GROUP BY 1, 2, 3, 4, 5, 6, 7;
