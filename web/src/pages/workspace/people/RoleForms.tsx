/**
 * Granting and revoking roles (`POST /api/people/:id/roles` and `…/roles/revoke`): a person, one of the
 * organisations the administrator manages (or every organisation), a role. Revoking offers the person's grants the
 * administrator manages; it ends the person's sessions.
 */
import { useState } from 'react';
import { useSession } from '../../../api/session.ts';
import { CommandForm } from '../../../forms/CommandForm.tsx';
import { required, seg, text } from '../../../forms/form-values.ts';
import { useT } from '../../../i18n/useT.ts';
import { SelectField } from '../fields.tsx';
import { manages } from '../sections.ts';
import { ROLE_TITLES } from '../titles.ts';
import { ManagedOrganisationSelect, PersonSelect, RoleSelect, useGrantPlace, usePeople } from './admin-fields.tsx';

export function GrantRoleForm() {
  const t = useT();
  return (
    <CommandForm
      submitLabel={t('people.grant.submit')}
      fieldOfCode={{ 'role-already-granted': 'role', 'person-unknown': 'personId' }}
      build={(data) => ({
        request: {
          method: 'POST',
          path: `/people/${seg(required(data, 'personId'))}/roles`,
          body: { organisationId: text(data, 'organisationId'), role: text(data, 'role') },
        },
      })}
    >
      <PersonSelect name="personId" label={t('people.field.person')} />
      <ManagedOrganisationSelect name="organisationId" label={t('people.field.organisation')} />
      <RoleSelect name="role" label={t('people.field.role')} />
    </CommandForm>
  );
}

/** A grant as the revoke form's select names it: `<organisation id> <role>` (neither holds a space). */
const grantValue = (organisationId: string, role: string): string => `${organisationId} ${role}`;

export function RevokeRoleForm() {
  const t = useT();
  const place = useGrantPlace();
  const grants = useSession().data?.grants ?? [];
  const people = usePeople();
  const [personId, setPersonId] = useState('');
  const person = people.find((each) => each.id === personId);
  const options = (person?.grants ?? [])
    .filter((grant) => manages(grants, grant.organisationId))
    .map((grant) => ({
      value: grantValue(grant.organisationId, grant.role),
      label: t('workspace.roleIn', { role: t(ROLE_TITLES[grant.role]), organisations: place(grant.organisationId) }),
    }));
  return (
    <CommandForm
      submitLabel={t('people.revoke.submit')}
      fieldOfCode={{ 'role-not-granted': 'grant', 'person-unknown': 'personId' }}
      onReset={() => setPersonId('')}
      build={(data) => {
        const path = `/people/${seg(required(data, 'personId'))}/roles/revoke`;
        const [organisationId, role] = required(data, 'grant').split(' ');
        return { request: { method: 'POST', path, body: { organisationId, role } } };
      }}
    >
      <PersonSelect name="personId" label={t('people.field.person')} value={personId} onChange={setPersonId} />
      <SelectField
        key={personId}
        name="grant"
        label={t('people.field.grant')}
        hint={t('people.revoke.hint')}
        options={options}
        placeholder={t('workspace.choose')}
      />
    </CommandForm>
  );
}
