/**
 * The workspace's forms, by the role that uses them. One map, so sign-in (a later issue) can show each signed-in
 * user the forms of their roles only: `formsOf(role)`. Each form is at `/<locale>/workspace/<form id>`.
 */
import type { MessageKey } from '../../i18n/messages.ts';

export type Role = 'recipient' | 'coordinator' | 'donor' | 'curator';
export const ROLES: readonly Role[] = ['recipient', 'coordinator', 'donor', 'curator'];

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
  readonly role: Role;
  readonly title: MessageKey;
  readonly summary: MessageKey;
  /** The API command the form sends (for readers of the code; the OpenAPI document at /api/docs has the details). */
  readonly route: string;
}

/** The catalog holds `form.<id>.title` and `form.<id>.summary` for every id: the compiler checks both keys. */
function form(id: FormId, role: Role, route: string): FormSpec {
  const title: MessageKey = `workspace.form.${id}.title`;
  const summary: MessageKey = `workspace.form.${id}.summary`;
  return { id, role, title, summary, route };
}

const FORMS: readonly FormSpec[] = [
  form('list-requirement', 'recipient', 'POST /api/requirements'),
  form('reprioritise-requirement', 'recipient', 'POST /api/requirements/:id/reprioritise'),
  form('amend-requirement', 'recipient', 'PATCH /api/requirements/:id'),
  form('withdraw-requirement', 'recipient', 'POST /api/requirements/:id/withdraw'),
  form('draft-priority-list', 'recipient', 'POST /api/priority-lists'),
  form('approve-priority-list', 'recipient', 'POST /api/priority-lists/:recipientId/:period/approve'),
  form('confirm-receipt', 'recipient', 'POST /api/packages/:id/receipts'),
  form('propose-package', 'coordinator', 'POST /api/packages'),
  form('validate-package', 'coordinator', 'POST /api/packages/:id/validate'),
  form('fund-package', 'coordinator', 'POST /api/packages/:id/fund'),
  form('contract-package', 'coordinator', 'POST /api/packages/:id/contract'),
  form('dispatch-shipment', 'coordinator', 'POST /api/packages/:id/shipments'),
  form('cancel-package', 'coordinator', 'POST /api/packages/:id/cancel'),
  form('close-package', 'coordinator', 'POST /api/packages/:id/close'),
  form('pledge', 'donor', 'POST /api/contributions'),
  form('commit-contribution', 'donor', 'POST /api/contributions/:id/commit'),
  form('record-payment', 'donor', 'POST /api/contributions/:id/payments'),
  form('amend-contribution', 'donor', 'POST /api/contributions/:id/amend'),
  form('withdraw-contribution', 'donor', 'POST /api/contributions/:id/withdraw'),
  form('record-source', 'curator', 'POST /api/sources'),
  form('record-claim', 'curator', 'POST /api/claims'),
  form('link-claim', 'curator', 'POST /api/claims/:id/links'),
  form('adopt-figure', 'curator', 'POST /api/figures/adopt'),
];

export const ROLE_TITLES: Readonly<Record<Role, MessageKey>> = {
  recipient: 'workspace.role.recipient',
  coordinator: 'workspace.role.coordinator',
  donor: 'workspace.role.donor',
  curator: 'workspace.role.curator',
};

export const formsOf = (role: Role): readonly FormSpec[] => FORMS.filter((spec) => spec.role === role);

export const isFormId = (value: string | undefined): value is FormId =>
  value !== undefined && (FORM_IDS as readonly string[]).includes(value);

export const formSpec = (id: FormId): FormSpec | undefined => FORMS.find((spec) => spec.id === id);
