/** What the workspace calls its forms and roles, as catalog keys (the compiler checks each key exists). */
import type { Role } from '../../api/session.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { FormId } from './forms.ts';

/** The catalog holds `form.<id>.title` and `form.<id>.summary` for every id. */
export const formTitle = (id: FormId): MessageKey => `workspace.form.${id}.title`;
export const formSummary = (id: FormId): MessageKey => `workspace.form.${id}.summary`;

export const ROLE_TITLES: Readonly<Record<Role, MessageKey>> = {
  'recipient-planner': 'workspace.role.recipient-planner',
  coordinator: 'workspace.role.coordinator',
  'donor-officer': 'workspace.role.donor-officer',
  curator: 'workspace.role.curator',
  auditor: 'workspace.role.auditor',
  administrator: 'workspace.role.administrator',
};
