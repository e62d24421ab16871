/**
 * The selects of the people forms: a person, an organisation the administrator manages roles in ("every
 * organisation" — `*` — for an administrator of `*`), and a role by its translated name.
 */
import type { ReactNode } from 'react';
import { useApi } from '../../../api/hooks.ts';
import type { Person } from '../../../api/people.ts';
import { useOrganisations } from '../../../api/reference.ts';
import { EVERY_ORGANISATION, ROLES, useSession } from '../../../api/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { SelectField } from '../fields.tsx';
import { administered } from '../sections.ts';
import { ROLE_TITLES } from '../titles.ts';

interface SelectProps {
  name: string;
  label: string;
  hint?: ReactNode;
  value?: string;
  onChange?: (value: string) => void;
}

export function usePeople(): readonly Person[] {
  return useApi<Person[]>('/people').data ?? [];
}

export function PersonSelect(props: SelectProps) {
  const t = useT();
  const options = usePeople().map((person) => ({ value: person.id, label: `${person.name} (${person.id})` }));
  return <SelectField {...props} options={options} placeholder={t('workspace.choose')} />;
}

/** An organisation's name, or "every organisation" for `*`. */
export function useGrantPlace(): (organisationId: string) => string {
  const t = useT();
  const format = useFormat();
  const organisations = useOrganisations();
  return (organisationId) => {
    if (organisationId === EVERY_ORGANISATION) return t('people.everyOrganisation');
    const organisation = organisations.find((each) => each.id === organisationId);
    return organisation ? format.name(organisation.names) : organisationId;
  };
}

/** The organisations the signed-in administrator manages roles and tokens in; `*` first when they manage it. */
export function ManagedOrganisationSelect(props: SelectProps) {
  const t = useT();
  const format = useFormat();
  const session = useSession().data;
  const managed = administered(session?.grants ?? []);
  const options = useOrganisations()
    .filter((organisation) => managed === 'all' || managed.includes(organisation.id))
    .map((organisation) => ({ value: organisation.id, label: format.name(organisation.names) }))
    .sort((a, b) => a.label.localeCompare(b.label, format.locale));
  const every = managed === 'all' ? [{ value: EVERY_ORGANISATION, label: t('people.everyOrganisation') }] : [];
  return <SelectField {...props} options={[...every, ...options]} placeholder={t('workspace.choose')} />;
}

export function RoleSelect(props: SelectProps) {
  const t = useT();
  const options = ROLES.map((role) => ({ value: role, label: t(ROLE_TITLES[role]) }));
  return <SelectField {...props} options={options} placeholder={t('workspace.choose')} />;
}
