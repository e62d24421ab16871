/** The donor officer's contributions: pledge, commit, pay, amend, withdraw. */
import { type ReactNode, useId, useState } from 'react';
import type { Contribution } from '../../api/types.ts';
import { CommandForm, type RecordLink } from '../../forms/CommandForm.tsx';
import { FieldGroup } from '../../forms/Field.tsx';
import { facts, money, rate, required, seg, text } from '../../forms/form-values.ts';
import type { CommandRequest, CommandResult } from '../../forms/useCommand.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import {
  ActingOrganisationSelect,
  CategorySelect,
  ContributionSelect,
  PackageSelect,
  useContributions,
} from './choices.tsx';
import { FactFields, MoneyField, RateFields, TextAreaField, VisibilityField } from './fields.tsx';

/** `a − b` for two decimal strings, exactly (no float): what is left to pay. */
function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const units = (value: string) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return BigInt(`${whole}${fraction.padEnd(scale, '0')}`);
  };
  const difference = units(a) - units(b);
  const sign = difference < 0n ? '-' : '';
  const digits = (difference < 0n ? -difference : difference).toString().padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The package a contribution funds on the portal, or its donor's page for general support. */
function useContributionLink(): (result: CommandResult, request: CommandRequest) => RecordLink {
  const t = useT();
  const contributions = useContributions();
  return (result, request) => {
    const row = contributions.find((candidate) => candidate.id === result.id);
    const body: { packageId?: unknown; donorId?: unknown } = request.body;
    const packageId = row?.packageId ?? (typeof body.packageId === 'string' ? body.packageId : null);
    if (packageId) return { href: `/packages/${seg(packageId)}`, label: t('workspace.link.package') };
    const donorId = row?.donorId ?? (typeof body.donorId === 'string' ? body.donorId : '');
    return { href: `/donors/${seg(donorId)}`, label: t('workspace.link.donor') };
  };
}

export function PledgeForm() {
  const t = useT();
  const radio = useId();
  const [target, setTarget] = useState<'package' | 'general'>('package');
  return (
    <CommandForm
      submitLabel={t('workspace.form.pledge.submit')}
      build={(data) => ({
        request: {
          method: 'POST',
          path: '/contributions',
          body: {
            donorId: text(data, 'donorId'),
            // For a package, the package is needed (the API would otherwise ask for a category).
            ...(target === 'package'
              ? { packageId: required(data, 'packageId') }
              : { category: text(data, 'category') }),
            amount: money(data, 'amount'),
            rate: rate(data),
            visibility: text(data, 'visibility'),
            ...facts(data),
          },
        },
      })}
      link={useContributionLink()}
      onReset={() => setTarget('package')}
    >
      <ActingOrganisationSelect name="donorId" label={t('workspace.field.donor')} />
      <FieldGroup legend={t('workspace.field.pledgeFor')}>
        {(['package', 'general'] as const).map((value) => (
          <div key={value} className="check">
            <input
              type="radio"
              id={`${radio}-${value}`}
              name="pledgeFor"
              value={value}
              checked={target === value}
              onChange={() => setTarget(value)}
            />
            <label htmlFor={`${radio}-${value}`}>{t(`workspace.field.pledgeFor.${value}`)}</label>
          </div>
        ))}
      </FieldGroup>
      {target === 'package' ? (
        <PackageSelect
          name="packageId"
          label={t('workspace.field.package')}
          statuses={['proposed', 'validated', 'funded', 'contracted', 'in-transit', 'partially-delivered', 'delivered']}
        />
      ) : (
        <CategorySelect name="category" label={t('workspace.field.category')} />
      )}
      <MoneyField name="amount" legend={t('workspace.field.pledgedAmount')} />
      <RateFields />
      <VisibilityField />
      <FactFields dateLabel={t('workspace.field.pledgedOn')} />
    </CommandForm>
  );
}

/**
 * A step on a contribution in one of `statuses`; `fields` are the step's own, given the chosen contribution (rebuilt
 * when another is chosen, so their defaults follow it).
 */
function ContributionStepForm({
  path,
  statuses,
  unpaid,
  submitLabel,
  hint,
  body,
  fields,
}: {
  path: (id: string) => string;
  statuses: readonly Contribution['status'][];
  /** Only contributions on which nothing has been paid. */
  unpaid?: boolean;
  submitLabel: string;
  hint?: ReactNode;
  body: (data: FormData) => object;
  fields: (contribution: Contribution | undefined) => ReactNode;
}) {
  const t = useT();
  const contributions = useContributions();
  const [id, setId] = useState('');
  const contribution = contributions.find((candidate) => candidate.id === id);
  return (
    <CommandForm
      submitLabel={submitLabel}
      build={(data) => ({
        request: {
          method: 'POST',
          path: path(seg(required(data, 'contributionId'))),
          body: { ...body(data), ...facts(data) },
        },
      })}
      link={useContributionLink()}
      onReset={() => setId('')}
    >
      <ContributionSelect
        name="contributionId"
        label={t('workspace.field.contribution')}
        hint={hint}
        statuses={statuses}
        unpaid={unpaid}
        value={id}
        onChange={setId}
      />
      <div key={id}>{fields(contribution)}</div>
      <FactFields />
    </CommandForm>
  );
}

export function CommitContributionForm() {
  const t = useT();
  return (
    <ContributionStepForm
      path={(id) => `/contributions/${id}/commit`}
      statuses={['pledged']}
      submitLabel={t('workspace.form.commit-contribution.submit')}
      body={(data) => ({ amount: money(data, 'amount'), rate: rate(data) })}
      fields={(contribution) => (
        <>
          <MoneyField
            name="amount"
            legend={t('workspace.field.committedAmount')}
            hint={t('workspace.field.committedAmount.hint')}
            defaultAmount={contribution?.amount.amount}
            defaultCurrency={contribution?.amount.currency}
          />
          <RateFields />
        </>
      )}
    />
  );
}

export function RecordPaymentForm() {
  const t = useT();
  const format = useFormat();
  return (
    <ContributionStepForm
      path={(id) => `/contributions/${id}/payments`}
      statuses={['committed']}
      submitLabel={t('workspace.form.record-payment.submit')}
      body={(data) => ({ amount: money(data, 'amount'), rate: rate(data) })}
      fields={(contribution) => {
        const left = contribution ? subtractDecimal(contribution.amount.amount, contribution.paidAmount.amount) : '';
        return (
          <>
            <MoneyField
              name="amount"
              legend={t('workspace.field.paidAmount')}
              hint={
                contribution
                  ? t('workspace.field.paidSoFar', {
                      committed: format.money(contribution.amount),
                      paid: format.money(contribution.paidAmount),
                    })
                  : undefined
              }
              defaultAmount={left.startsWith('-') || /^[0.]*$/.test(left) ? undefined : left}
              defaultCurrency={contribution?.amount.currency}
            />
            <RateFields />
          </>
        );
      }}
    />
  );
}

export function AmendContributionForm() {
  const t = useT();
  return (
    <ContributionStepForm
      path={(id) => `/contributions/${id}/amend`}
      statuses={['pledged', 'committed']}
      submitLabel={t('workspace.form.amend-contribution.submit')}
      body={(data) => ({ amount: money(data, 'amount'), reason: text(data, 'reason'), rate: rate(data) })}
      fields={(contribution) => (
        <>
          <MoneyField
            name="amount"
            legend={t('workspace.field.newAmount')}
            defaultAmount={contribution?.amount.amount}
            defaultCurrency={contribution?.amount.currency}
          />
          <TextAreaField name="reason" label={t('workspace.field.reason')} rows={3} />
          <RateFields />
        </>
      )}
    />
  );
}

export function WithdrawContributionForm() {
  const t = useT();
  return (
    <ContributionStepForm
      path={(id) => `/contributions/${id}/withdraw`}
      statuses={['pledged', 'committed']}
      unpaid
      submitLabel={t('workspace.form.withdraw-contribution.submit')}
      hint={t('workspace.form.withdraw-contribution.hint')}
      body={(data) => ({ reason: text(data, 'reason') })}
      fields={() => <TextAreaField name="reason" label={t('workspace.field.reason')} rows={3} />}
    />
  );
}
