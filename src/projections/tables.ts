import type { ColumnType } from 'kysely';

/** numeric/bigint arrive as strings; inserts take strings or numbers. */
type Num = ColumnType<string, string | number | bigint, string | number | bigint>;
type NullableNum = ColumnType<string | null, string | number | bigint | null, string | number | bigint | null>;
type Json = ColumnType<unknown, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface ProjectionTables {
  rm_organisations: {
    id: string;
    kind: string;
    iso3166: string | null;
    name_uk: string;
    name_en: string;
    name_ru: string;
    members: string[];
    visibility: string;
  };
  rm_requirements: {
    id: string;
    recipient_id: string;
    title: Json;
    category: string;
    quantity: NullableNum;
    unit: string | null;
    estimated_amount: NullableNum;
    estimated_currency: string | null;
    priority_rank: number;
    status: string;
    visibility: string;
    listed_on: string;
  };
  rm_priority_lists: {
    recipient_id: string;
    period: string;
    status: string;
    requirement_ids: string[];
    approvals: string[];
    visibility: string;
  };
  rm_packages: {
    id: string;
    title: Json;
    status: string;
    recipient_id: string;
    coordinator_id: string;
    supplier_id: string | null;
    category: string;
    target_amount: Num;
    target_currency: string;
    target_eur: Num;
    target_usd: Num;
    pledged_eur: Defaulted<string>;
    pledged_usd: Defaulted<string>;
    committed_eur: Defaulted<string>;
    committed_usd: Defaulted<string>;
    paid_eur: Defaulted<string>;
    paid_usd: Defaulted<string>;
    delivered_num: Defaulted<string>;
    delivered_den: Defaulted<string>;
    donor_ids: Defaulted<string[]>;
    proposed_on: string;
    validated_on: string | null;
    funded_on: string | null;
    contracted_on: string | null;
    first_shipped_on: string | null;
    first_received_on: string | null;
    delivered_on: string | null;
    closed_on: string | null;
    cancelled_on: string | null;
    visibility: string;
  };
  rm_package_lines: {
    package_id: string;
    line_id: string;
    position: number;
    requirement_id: string | null;
    description: string;
    category: string;
    quantity: NullableNum;
    unit: string | null;
    value_amount: NullableNum;
    shipped: Defaulted<string>;
    received: Defaulted<string>;
  };
  rm_shipments: { package_id: string; shipment_id: string; dispatched_on: string; lines: Json };
  rm_receipts: {
    package_id: string;
    receipt_id: string;
    shipment_id: string;
    received_on: string;
    lines: Json;
    full_receipt: boolean;
  };
  rm_contributions: {
    id: string;
    donor_id: string;
    package_id: string | null;
    category: string;
    status: string;
    currency: string;
    amount: Num;
    paid_amount: Defaulted<string>;
    amount_eur: Num;
    amount_usd: Num;
    paid_eur: Defaulted<string>;
    paid_usd: Defaulted<string>;
    delivered_eur: Defaulted<string>;
    delivered_usd: Defaulted<string>;
    rate_date: string;
    rate_source: string;
    pledged_on: string;
    committed_on: string | null;
    last_paid_on: string | null;
    withdrawn_on: string | null;
    visibility: string;
  };
  rm_donor_totals: {
    donor_id: string;
    stage: string;
    category: string;
    month: string;
    visibility: string;
    eur: Num;
    usd: Num;
  };
  rm_totals_stage: { stage: string; visibility: string; eur: Num; usd: Num };
  rm_totals_donor: { donor_id: string; stage: string; visibility: string; eur: Num; usd: Num };
  rm_totals_month: { month: string; stage: string; visibility: string; eur: Num; usd: Num };
  rm_totals_category: { category: string; stage: string; visibility: string; eur: Num; usd: Num };
  rm_totals_donor_month: { donor_id: string; month: string; stage: string; visibility: string; eur: Num; usd: Num };
  rm_delivery_lags: { donor_id: string; visibility: string; lag_days: number; contributions: number };
  rm_sources: {
    id: string;
    url: string | null;
    publisher: string;
    author: string | null;
    published_on: string | null;
    language: string;
    title: string;
    body: string;
    story_id: string | null;
    visibility: string;
    recorded_at: ColumnType<Date, string, string>;
  };
  rm_claims: {
    id: string;
    source_id: string;
    subject_type: string | null;
    subject_id: string | null;
    donor_ids: string[];
    stage: string;
    amount: NullableNum;
    currency: string | null;
    stated_on: string | null;
    sentence: string;
    linked_event_ids: string[];
    visibility: string;
    proposal_key: ColumnType<string | null, string | null | undefined, string | null>;
  };
  rm_proposal_rejections: { source_id: string; proposal_key: string; reason: string | null; rejected_on: string };
  rm_figures: {
    subject_type: string;
    subject_id: string;
    stage: string;
    claim_id: string | null;
    low_amount: Num;
    high_amount: Num;
    currency: string;
    note: string | null;
    adopted_on: string;
  };
  rm_evidence: { event_id: string; source_id: string; claim_id: Defaulted<string> };
  rm_imports: {
    import_id: string;
    format: string;
    file: string;
    sha256: string;
    release: string | null;
    source_id: string | null;
    rows_read: number;
    flows: number;
    skipped_rows: number;
    organisations: number;
    completed_on: string;
    visibility: string;
  };
  rm_flow_totals: {
    /** The release's source (`kiel-r29`, `ocha-fts`); '' for an import without one. */
    source_id: string;
    donor_id: string;
    month: string;
    stage: string;
    category: string;
    basis: string;
    visibility: string;
    flows: Num;
    eur: Num;
    usd: Num;
  };
  rm_timeline: { entity: string; seq: Num };
  rm_people: { id: string; name: string; added_at: Date | string };
  rm_person_grants: { person_id: string; organisation_id: string; role: string };
  rm_tokens: {
    id: string;
    organisation_id: string;
    role: string;
    label: string;
    issued_by: string;
    issued_at: Date | string;
    expires_on: string | null;
    revoked_at: Date | string | null;
  };
}

/** Every read-model table, for rebuilds and comparisons. */
export const PROJECTION_TABLES = [
  'rm_organisations',
  'rm_requirements',
  'rm_priority_lists',
  'rm_packages',
  'rm_package_lines',
  'rm_shipments',
  'rm_receipts',
  'rm_contributions',
  'rm_donor_totals',
  'rm_totals_stage',
  'rm_totals_donor',
  'rm_totals_month',
  'rm_totals_category',
  'rm_totals_donor_month',
  'rm_delivery_lags',
  'rm_sources',
  'rm_claims',
  'rm_proposal_rejections',
  'rm_figures',
  'rm_evidence',
  'rm_timeline',
  'rm_imports',
  'rm_flow_totals',
  'rm_people',
  'rm_person_grants',
  'rm_tokens',
] as const satisfies readonly (keyof ProjectionTables)[];
