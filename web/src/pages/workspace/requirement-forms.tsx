/** The recipient planner's requirements: list one, change its rank, amend it, withdraw it. */
import { useState } from 'react';
import type { RequirementCoverage } from '../../api/requirements.ts';
import { CommandForm } from '../../forms/CommandForm.tsx';
import { facts, localized, money, numberOf, required, seg, text } from '../../forms/form-values.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { ActingOrganisationSelect, CategorySelect, RequirementSelect, useRequirements } from './choices.tsx';
import {
  FactFields,
  LocalizedFields,
  MoneyField,
  TextAreaField,
  TextField,
  useOptionalLabel,
  VisibilityField,
} from './fields.tsx';

function usePrioritiesLink() {
  const t = useT();
  return () => ({ href: '/priorities', label: t('workspace.link.priorities') });
}

export function ListRequirementForm() {
  const t = useT();
  const optional = useOptionalLabel();
  return (
    <CommandForm
      submitLabel={t('workspace.form.list-requirement.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: '/requirements',
          body: {
            recipientId: text(data, 'recipientId'),
            title: localized(data, 'title'),
            category: text(data, 'category'),
            quantity: numberOf(data, 'quantity'),
            unit: text(data, 'unit'),
            estimatedValue: money(data, 'estimatedValue'),
            priorityRank: numberOf(data, 'priorityRank'),
            visibility: text(data, 'visibility'),
            ...facts(data),
          },
        },
      })}
      link={usePrioritiesLink()}
    >
      <ActingOrganisationSelect name="recipientId" label={t('workspace.field.recipient')} />
      <LocalizedFields name="title" legend={t('workspace.field.title')} />
      <CategorySelect name="category" label={t('workspace.field.category')} />
      <TextField name="quantity" type="number" label={optional(t('workspace.field.quantity'))} />
      <TextField name="unit" label={optional(t('workspace.field.unit'))} hint={t('workspace.field.unit.hint')} />
      <MoneyField name="estimatedValue" legend={optional(t('workspace.field.estimatedValue'))} />
      <TextField
        name="priorityRank"
        type="number"
        label={t('workspace.field.priorityRank')}
        hint={t('workspace.field.priorityRank.hint')}
      />
      <VisibilityField />
      <FactFields />
    </CommandForm>
  );
}

export function ReprioritiseRequirementForm() {
  const t = useT();
  return (
    <CommandForm
      submitLabel={t('workspace.form.reprioritise-requirement.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: `/requirements/${seg(required(data, 'requirementId'))}/reprioritise`,
          body: { priorityRank: numberOf(data, 'priorityRank'), ...facts(data) },
        },
      })}
      link={usePrioritiesLink()}
    >
      <RequirementSelect name="requirementId" label={t('workspace.field.requirement')} />
      <TextField
        name="priorityRank"
        type="number"
        label={t('workspace.field.newRank')}
        hint={t('workspace.field.priorityRank.hint')}
      />
      <FactFields />
    </CommandForm>
  );
}

/** What changed against the requirement as it stands: only those fields are sent. */
function changes(data: FormData, current: RequirementCoverage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const title = localized(data, 'title');
  if ((['uk', 'en', 'ru'] as const).some((language) => title[language] !== current.title[language])) {
    out.title = title;
  }
  const category = text(data, 'category');
  if (category !== undefined && category !== current.category) out.category = category;
  const quantity = numberOf(data, 'quantity') ?? null;
  if (quantity !== current.quantity) out.quantity = quantity;
  const unit = text(data, 'unit') ?? null;
  if (unit !== current.unit) out.unit = unit;
  const value = money(data, 'estimatedValue') ?? null;
  const before = current.estimatedValue;
  if (value?.amount !== before?.amount || value?.currency !== before?.currency) out.estimatedValue = value;
  return out;
}

export function AmendRequirementForm() {
  const t = useT();
  const format = useFormat();
  const optional = useOptionalLabel();
  const requirements = useRequirements();
  const [id, setId] = useState('');
  const current = requirements.find((requirement) => requirement.id === id);
  return (
    <CommandForm
      submitLabel={t('workspace.form.amend-requirement.submit')}
      build={(data) => {
        const requirementId = required(data, 'requirementId');
        const before = requirements.find((requirement) => requirement.id === requirementId);
        return {
          request: {
            method: 'PATCH',
            path: `/requirements/${seg(requirementId)}`,
            body: { ...(before ? changes(data, before) : {}), ...facts(data) },
          },
        };
      }}
      link={usePrioritiesLink()}
      onReset={() => setId('')}
    >
      <RequirementSelect name="requirementId" label={t('workspace.field.requirement')} value={id} onChange={setId} />
      {current ? (
        <div key={current.id} className="subform">
          <p className="hint">
            {t('workspace.form.amend-requirement.changeHint', { title: format.name(current.title) })}
          </p>
          <LocalizedFields name="title" legend={t('workspace.field.title')} defaults={current.title} />
          <CategorySelect name="category" label={t('workspace.field.category')} defaultValue={current.category} />
          <TextField
            name="quantity"
            type="number"
            label={optional(t('workspace.field.quantity'))}
            defaultValue={current.quantity === null ? '' : String(current.quantity)}
          />
          <TextField name="unit" label={optional(t('workspace.field.unit'))} defaultValue={current.unit ?? ''} />
          <MoneyField
            name="estimatedValue"
            legend={optional(t('workspace.field.estimatedValue'))}
            defaultCurrency={current.estimatedValue?.currency}
            defaultAmount={current.estimatedValue?.amount}
          />
        </div>
      ) : null}
      <FactFields />
    </CommandForm>
  );
}

export function WithdrawRequirementForm() {
  const t = useT();
  return (
    <CommandForm
      submitLabel={t('workspace.form.withdraw-requirement.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: `/requirements/${seg(required(data, 'requirementId'))}/withdraw`,
          body: { reason: text(data, 'reason'), ...facts(data) },
        },
      })}
      link={usePrioritiesLink()}
    >
      <RequirementSelect name="requirementId" label={t('workspace.field.requirement')} />
      <TextAreaField name="reason" label={t('workspace.field.reason')} rows={3} />
      <FactFields />
    </CommandForm>
  );
}
