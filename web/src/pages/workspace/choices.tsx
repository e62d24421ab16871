/**
 * Selects whose choices come from the API: organisations, categories, packages, contributions, requirements and
 * sources, labelled in the reader's language. The lists refresh by themselves when the ledger moves.
 */
import type { ReactNode } from 'react';
import { useApi } from '../../api/hooks.ts';
import type { PipelineRow } from '../../api/packages.ts';
import { useCategoryNames, useOrganisationNames, useOrganisations } from '../../api/reference.ts';
import type { RequirementCoverage } from '../../api/requirements.ts';
import type { Source } from '../../api/sources.ts';
import type { Category, Contribution, OrganisationKind, PackageStatus } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { useActing } from './acting.ts';
import { type Option, SelectField } from './fields.tsx';

interface ChoiceProps {
  name: string;
  label: string;
  hint?: ReactNode;
  /** Controlled: the choice decides other fields. */
  value?: string;
  onChange?: (value: string) => void;
  defaultValue?: string;
  /** The empty first choice's text; "Choose…" by default. */
  placeholder?: string;
}

function Choice({ options, placeholder, ...props }: ChoiceProps & { options: readonly Option[] }) {
  const t = useT();
  return <SelectField {...props} options={options} placeholder={placeholder ?? t('workspace.choose')} />;
}

export function OrganisationSelect({ kinds, ...props }: ChoiceProps & { kinds?: readonly OrganisationKind[] }) {
  const format = useFormat();
  const options = useOrganisations()
    .filter((organisation) => !kinds || kinds.includes(organisation.kind))
    .map((organisation) => ({ value: organisation.id, label: format.name(organisation.names) }))
    .sort((a, b) => a.label.localeCompare(b.label, format.locale));
  return <Choice {...props} options={options} />;
}

/**
 * The organisation a command acts for (the donor who pledges, the recipient who lists a need, the coordinator, the
 * approver): only those the signed-in person holds the form's role in, their own chosen first. A default outside them
 * is not offered.
 */
export function ActingOrganisationSelect({ defaultValue, ...props }: Omit<ChoiceProps, 'placeholder'>) {
  const t = useT();
  const format = useFormat();
  const acting = useActing();
  const allowed = acting.organisations;
  const options = useOrganisations()
    .filter((organisation) => allowed === 'all' || allowed.includes(organisation.id))
    .map((organisation) => ({ value: organisation.id, label: format.name(organisation.names) }))
    .sort((a, b) => a.label.localeCompare(b.label, format.locale));
  const offered = (id: string | undefined) => id !== undefined && options.some((option) => option.value === id);
  const chosen = offered(defaultValue) ? defaultValue : (acting.first ?? '');
  // One organisation to act for: it is the answer, with nothing else to choose.
  const only = allowed !== 'all' && allowed.length === 1;
  return (
    <SelectField
      {...props}
      options={options}
      defaultValue={chosen}
      placeholder={only ? undefined : t('workspace.choose')}
    />
  );
}

export function CategorySelect(props: ChoiceProps) {
  const format = useFormat();
  const options = (useApi<Category[]>('/categories').data ?? []).map((category) => ({
    value: category.id,
    label: format.name(category.label),
  }));
  return <Choice {...props} options={options} />;
}

export function usePackages(): readonly PipelineRow[] {
  return useApi<PipelineRow[]>('/packages', { limit: 1000 }).data ?? [];
}

/** "Netherlands PURL package 2 (purl-nl-2) · validated". */
function usePackageLabel(): (pkg: PipelineRow) => string {
  const t = useT();
  const format = useFormat();
  return (pkg) => `${format.name(pkg.title)} (${pkg.id}) · ${t(`common.status.${pkg.status}`)}`;
}

/** Packages in one of `statuses` (every package without them). */
export function PackageSelect({ statuses, ...props }: ChoiceProps & { statuses?: readonly PackageStatus[] }) {
  const label = usePackageLabel();
  const options = usePackages()
    .filter((pkg) => !statuses || statuses.includes(pkg.status))
    .map((pkg) => ({ value: pkg.id, label: label(pkg) }));
  return <Choice {...props} options={options} />;
}

export function useContributions(): readonly Contribution[] {
  return useApi<Contribution[]>('/contributions', { limit: 1000 }).data ?? [];
}

/** "Germany · 300,000,000 € · purl-de-1 · committed". */
function useContributionLabel(): (contribution: Contribution) => string {
  const t = useT();
  const format = useFormat();
  const organisationName = useOrganisationNames();
  const categoryName = useCategoryNames();
  return (contribution) =>
    [
      organisationName(contribution.donorId),
      format.money(contribution.amount),
      contribution.packageId ?? categoryName(contribution.category),
      t(`common.contribution.${contribution.status}`),
    ].join(' · ');
}

export function ContributionSelect({
  statuses,
  unpaid,
  ...props
}: ChoiceProps & { statuses?: readonly Contribution['status'][]; unpaid?: boolean }) {
  const label = useContributionLabel();
  const options = useContributions()
    .filter((contribution) => !statuses || statuses.includes(contribution.status))
    .filter((contribution) => !unpaid || /^[0.]*$/.test(contribution.paidAmount.amount))
    .map((contribution) => ({ value: contribution.id, label: `${label(contribution)} (${contribution.id})` }));
  return <Choice {...props} options={options} />;
}

export function useRequirements(): readonly RequirementCoverage[] {
  return useApi<RequirementCoverage[]>('/requirements').data ?? [];
}

/** Open requirements (of one recipient, when given), in priority order. */
export function RequirementSelect({ recipientId, ...props }: ChoiceProps & { recipientId?: string }) {
  const format = useFormat();
  const options = useRequirements()
    .filter((requirement) => requirement.status !== 'withdrawn')
    .filter((requirement) => !recipientId || requirement.recipientId === recipientId)
    .map((requirement) => ({
      value: requirement.id,
      label: `${requirement.priorityRank}. ${format.name(requirement.title)} (${requirement.id})`,
    }));
  return <Choice {...props} options={options} />;
}

export function useSources(): readonly Source[] {
  return useApi<Source[]>('/sources').data ?? [];
}

export function SourceSelect(props: ChoiceProps) {
  const options = useSources().map((source) => ({
    value: source.id,
    label: `${source.publisher}: ${source.title}${source.publishedOn ? ` (${source.publishedOn})` : ''}`,
  }));
  return <Choice {...props} options={options} />;
}
