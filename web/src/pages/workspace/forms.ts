/**
 * The workspace's forms, by the role that uses them: the map mirrors the API's permission map (PERMISSIONS in
 * src/domain/access.ts; test/unit/web/workspace-forms.test.ts keeps the two in step), so a signed-in person sees the
 * forms their roles allow and nothing else. The API still decides every command. Each form is at
 * `/<locale>/workspace/<form id>`; its title and summary are in titles.ts. Pure (no catalogs, no DOM), so the unit
 * tests read it beside the server's map.
 */
import { EVERY_ORGANISATION, type Grant, ROLES, type Role, type Session } from '../../api/session.ts';

const FORM_IDS = [
  'list-requirement',
  'reprioritise-requirement',
  'amend-requirement',
  'withdraw-requirement',
  'draft-priority-list',
  'approve-priority-list',
  'confirm-receipt',
  'propose-package',
  'validate-package',
  'fund-package',
  'contract-package',
  'dispatch-shipment',
  'cancel-package',
  'close-package',
  'pledge',
  'commit-contribution',
  'record-payment',
  'amend-contribution',
  'withdraw-contribution',
  'record-source',
  'record-claim',
  'link-claim',
  'adopt-figure',
] as const;
export type FormId = (typeof FORM_IDS)[number];

export interface FormSpec {
  readonly id: FormId;
  /** The command the form sends, as the permission map names it. */
  readonly command: string;
  /** Its route (for readers of the code; the OpenAPI document at /api/docs has the details). */
  readonly route: string;
}

function form(id: FormId, command: string, route: string): FormSpec {
  return { id, command, route };
}

export const FORMS: readonly FormSpec[] = [
  form('list-requirement', 'ListRequirement', 'POST /api/requirements'),
  form('reprioritise-requirement', 'ReprioritiseRequirement', 'POST /api/requirements/:id/reprioritise'),
  form('amend-requirement', 'AmendRequirement', 'PATCH /api/requirements/:id'),
  form('withdraw-requirement', 'WithdrawRequirement', 'POST /api/requirements/:id/withdraw'),
  form('draft-priority-list', 'DraftPriorityList', 'POST /api/priority-lists'),
  form('approve-priority-list', 'ApprovePriorityList', 'POST /api/priority-lists/:recipientId/:period/approve'),
  form('confirm-receipt', 'ConfirmReceipt', 'POST /api/packages/:id/receipts'),
  form('propose-package', 'ProposePackage', 'POST /api/packages'),
  form('validate-package', 'ValidatePackage', 'POST /api/packages/:id/validate'),
  form('fund-package', 'FundPackage', 'POST /api/packages/:id/fund'),
  form('contract-package', 'ContractPackage', 'POST /api/packages/:id/contract'),
  form('dispatch-shipment', 'DispatchShipment', 'POST /api/packages/:id/shipments'),
  form('cancel-package', 'CancelPackage', 'POST /api/packages/:id/cancel'),
  form('close-package', 'ClosePackage', 'POST /api/packages/:id/close'),
  form('pledge', 'PledgeContribution', 'POST /api/contributions'),
  form('commit-contribution', 'CommitContribution', 'POST /api/contributions/:id/commit'),
  form('record-payment', 'PayContribution', 'POST /api/contributions/:id/payments'),
  form('amend-contribution', 'AmendContribution', 'POST /api/contributions/:id/amend'),
  form('withdraw-contribution', 'WithdrawContribution', 'POST /api/contributions/:id/withdraw'),
  form('record-source', 'RecordSource', 'POST /api/sources'),
  form('record-claim', 'RecordClaim', 'POST /api/claims'),
  form('link-claim', 'LinkClaim', 'POST /api/claims/:id/links'),
  form('adopt-figure', 'AdoptClaim', 'POST /api/figures/adopt'),
];

/**
 * Which forms each role uses, in the order the workspace lists them. A form may belong to several roles (both the
 * recipient and the coordinator approve a priority list). Auditors change nothing; administrators' commands (people,
 * organisations, imports) have no form here yet.
 */
export const FORMS_BY_ROLE: Readonly<Record<Role, readonly FormId[]>> = {
  'recipient-planner': [
    'list-requirement',
    'reprioritise-requirement',
    'amend-requirement',
    'withdraw-requirement',
    'draft-priority-list',
    'approve-priority-list',
    'confirm-receipt',
  ],
  coordinator: [
    'propose-package',
    'validate-package',
    'fund-package',
    'contract-package',
    'dispatch-shipment',
    'cancel-package',
    'close-package',
    'approve-priority-list',
  ],
  'donor-officer': ['pledge', 'commit-contribution', 'record-payment', 'amend-contribution', 'withdraw-contribution'],
  curator: ['record-source', 'record-claim', 'link-claim', 'adopt-figure'],
  auditor: [],
  administrator: [],
};

export const isFormId = (value: string | undefined): value is FormId =>
  value !== undefined && (FORM_IDS as readonly string[]).includes(value);

export const formSpec = (id: FormId): FormSpec | undefined => FORMS.find((spec) => spec.id === id);

export const formsOf = (role: Role): readonly FormSpec[] =>
  FORMS_BY_ROLE[role].flatMap((id) => FORMS.filter((spec) => spec.id === id));

/** The roles the session holds (in any organisation), in the workspace's order. */
export const rolesOf = (session: Session): readonly Role[] =>
  ROLES.filter((role) => session.grants.some((grant) => grant.role === role));

/** The roles that use the form. */
export const rolesFor = (id: FormId): readonly Role[] => ROLES.filter((role) => FORMS_BY_ROLE[role].includes(id));

export const mayUse = (session: Session, id: FormId): boolean =>
  rolesFor(id).some((role) => rolesOf(session).includes(role));

/**
 * The organisations the person may act for with a form: those of their grants of a role that uses it, `all` when
 * one of those grants is on every organisation. `first` is the organisation the form chooses for them: their first
 * grant naming one (null when they hold the role only everywhere).
 */
export interface Acting {
  readonly organisations: readonly string[] | 'all';
  readonly first: string | null;
}

export function actingFor(grants: readonly Grant[], id: FormId): Acting {
  const roles = rolesFor(id);
  const held = grants.filter((grant) => roles.includes(grant.role));
  const named = [...new Set(held.map((grant) => grant.organisationId).filter((org) => org !== EVERY_ORGANISATION))];
  const everywhere = held.some((grant) => grant.organisationId === EVERY_ORGANISATION);
  return { organisations: everywhere ? 'all' : named, first: named[0] ?? null };
}
