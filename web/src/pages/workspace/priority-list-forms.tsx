/** The recipient's monthly priority list: draft (or redraft) it in rank order, then each party approves it. */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/hooks.ts';
import { useOrganisationNames } from '../../api/reference.ts';
import type { PriorityList } from '../../api/requirements.ts';
import { CommandForm } from '../../forms/CommandForm.tsx';
import { FieldGroup } from '../../forms/Field.tsx';
import { facts, required, seg, text } from '../../forms/form-values.ts';
import { useT } from '../../i18n/useT.ts';
import { useActing } from './acting.ts';
import { ActingOrganisationSelect, RequirementSelect, useRequirements } from './choices.tsx';
import { FactFields, SelectField, TextField, VisibilityField } from './fields.tsx';
import { useRows } from './rows.ts';

const thisMonth = (): string => new Date().toISOString().slice(0, 7);

export function DraftPriorityListForm() {
  const t = useT();
  const { first } = useActing();
  const requirements = useRequirements();
  const [recipientId, setRecipient] = useState(first ?? '');
  const ranks = useRows<string>([]);
  const openOf = (recipient: string) =>
    requirements
      .filter((requirement) => requirement.recipientId === recipient && requirement.status !== 'withdrawn')
      .map((requirement) => requirement.id);
  const chooseRecipient = (recipient: string) => {
    setRecipient(recipient);
    ranks.reset(openOf(recipient));
  };
  // The signed-in recipient's open requirements fill the ranking, in their current order, once they have loaded.
  const seeded = useRef(false);
  useEffect(() => {
    if (requirements.length === 0 || first === null || seeded.current) return;
    seeded.current = true;
    chooseRecipient(first);
  });
  return (
    <CommandForm
      submitLabel={t('workspace.form.draft-priority-list.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: '/priority-lists',
          body: {
            recipientId: text(data, 'recipientId'),
            period: text(data, 'period'),
            requirementIds: ranks.rows.map((_, index) => text(data, `requirementIds[${index}]`) ?? ''),
            visibility: text(data, 'visibility'),
            ...facts(data),
          },
        },
      })}
      link={() => ({ href: '/priorities', label: t('workspace.link.priorities') })}
      onReset={() => chooseRecipient(recipientId)}
    >
      <ActingOrganisationSelect
        name="recipientId"
        label={t('workspace.field.recipient')}
        value={recipientId}
        onChange={chooseRecipient}
      />
      <TextField
        name="period"
        type="month"
        label={t('workspace.field.period')}
        hint={t('workspace.field.period.hint')}
        defaultValue={thisMonth()}
      />
      <FieldGroup name="requirementIds" legend={t('workspace.field.ranking')} hint={t('workspace.field.ranking.hint')}>
        <ol className="rows">
          {ranks.rows.map((row, index) => (
            <li key={row.key} className="row">
              <RequirementSelect
                name={`requirementIds[${index}]`}
                label={t('workspace.field.rank', { rank: index + 1 })}
                recipientId={recipientId || undefined}
                value={row.value}
                onChange={(value) => ranks.update(row.key, value)}
              />
              <div className="row-actions">
                <button type="button" onClick={() => ranks.move(row.key, -1)} disabled={index === 0}>
                  {t('workspace.rows.up', { rank: index + 1 })}
                </button>
                <button type="button" onClick={() => ranks.move(row.key, 1)} disabled={index === ranks.rows.length - 1}>
                  {t('workspace.rows.down', { rank: index + 1 })}
                </button>
                <button type="button" onClick={() => ranks.remove(row.key)}>
                  {t('workspace.rows.removeRank', { rank: index + 1 })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => ranks.add('')}>
          {t('workspace.rows.addRank')}
        </button>
      </FieldGroup>
      <VisibilityField />
      <FactFields />
    </CommandForm>
  );
}

export function ApprovePriorityListForm() {
  const t = useT();
  const organisationName = useOrganisationNames();
  const lists = useApi<PriorityList[]>('/priority-lists').data ?? [];
  const options = lists.map((list) => ({
    value: `${list.recipientId}|${list.period}`,
    label: [
      `${organisationName(list.recipientId)} · ${list.period} · ${t(`workspace.listStatus.${list.status === 'approved' ? 'approved' : 'draft'}`)}`,
      list.approvals.length > 0
        ? t('workspace.listApprovedBy', { names: list.approvals.map(organisationName).join(', ') })
        : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <CommandForm
      submitLabel={t('workspace.form.approve-priority-list.submit')}
      build={(data) => {
        const [recipientId = '', period = ''] = required(data, 'list').split('|');
        return {
          request: {
            method: 'POST',
            path: `/priority-lists/${seg(recipientId)}/${seg(period)}/approve`,
            body: { approverId: text(data, 'approverId'), ...facts(data) },
          },
        };
      }}
      link={() => ({ href: '/priorities', label: t('workspace.link.priorities') })}
    >
      <SelectField
        name="list"
        label={t('workspace.field.priorityList')}
        options={options}
        placeholder={t('workspace.choose')}
      />
      <ActingOrganisationSelect name="approverId" label={t('workspace.field.approver')} />
      <FactFields />
    </CommandForm>
  );
}
