/** The coordinator's steps on a package: validate, mark funded, record the contract, cancel, close. */
import { type ReactNode, useState } from 'react';
import type { PipelineRow } from '../../api/packages.ts';
import type { PackageStatus } from '../../api/types.ts';
import { CommandForm, type RecordLink } from '../../forms/CommandForm.tsx';
import { facts, required, seg, text } from '../../forms/form-values.ts';
import type { CommandResult } from '../../forms/useCommand.ts';
import { useT } from '../../i18n/useT.ts';
import { ActingOrganisationSelect, OrganisationSelect, PackageSelect, usePackages } from './choices.tsx';
import { FactFields, TextAreaField, TextField } from './fields.tsx';

/** The package a command changed, on the portal. */
export function usePackageLink(): (result: CommandResult) => RecordLink {
  const t = useT();
  return (result) => ({ href: `/packages/${seg(result.id)}`, label: t('workspace.link.package') });
}

/**
 * A step on a package chosen among those in `statuses`: `fields` are the step's own, given the chosen package (they
 * are rebuilt when another is chosen, so their defaults follow it).
 */
function PackageStepForm({
  step,
  statuses,
  submitLabel,
  hint,
  body,
  fields,
}: {
  step: string;
  statuses: readonly PackageStatus[];
  submitLabel: string;
  hint?: ReactNode;
  body?: (data: FormData) => object;
  fields?: (pkg: PipelineRow | undefined) => ReactNode;
}) {
  const t = useT();
  const packages = usePackages();
  const [id, setId] = useState('');
  const pkg = packages.find((candidate) => candidate.id === id);
  return (
    <CommandForm
      submitLabel={submitLabel}
      build={(data) => ({
        request: {
          method: 'POST',
          path: `/packages/${seg(required(data, 'packageId'))}/${step}`,
          body: { ...body?.(data), ...facts(data) },
        },
      })}
      link={usePackageLink()}
      onReset={() => setId('')}
    >
      <PackageSelect
        name="packageId"
        label={t('workspace.field.package')}
        hint={hint}
        statuses={statuses}
        value={id}
        onChange={setId}
      />
      {fields ? <div key={id}>{fields(pkg)}</div> : null}
      <FactFields />
    </CommandForm>
  );
}

export function ValidatePackageForm() {
  const t = useT();
  return (
    <PackageStepForm
      step="validate"
      statuses={['proposed']}
      submitLabel={t('workspace.form.validate-package.submit')}
      body={(data) => ({ coordinatorId: text(data, 'coordinatorId') })}
      fields={(pkg) => (
        <ActingOrganisationSelect
          name="coordinatorId"
          label={t('workspace.field.coordinator')}
          hint={t('workspace.field.coordinator.validateHint')}
          defaultValue={pkg?.coordinatorId}
        />
      )}
    />
  );
}

export function FundPackageForm() {
  const t = useT();
  return (
    <PackageStepForm
      step="fund"
      statuses={['validated']}
      submitLabel={t('workspace.form.fund-package.submit')}
      hint={t('workspace.form.fund-package.hint')}
    />
  );
}

export function ContractPackageForm() {
  const t = useT();
  const optional = (label: string) => t('workspace.field.optional', { label });
  return (
    <PackageStepForm
      step="contract"
      statuses={['funded']}
      submitLabel={t('workspace.form.contract-package.submit')}
      body={(data) => ({ supplierId: text(data, 'supplierId'), contractReference: text(data, 'contractReference') })}
      fields={(pkg) => (
        <>
          <OrganisationSelect
            name="supplierId"
            label={t('workspace.field.supplier')}
            defaultValue={pkg?.supplierId ?? undefined}
          />
          <TextField name="contractReference" label={optional(t('workspace.field.contractReference'))} />
        </>
      )}
    />
  );
}

export function CancelPackageForm() {
  const t = useT();
  return (
    <PackageStepForm
      step="cancel"
      statuses={['proposed', 'validated', 'funded', 'contracted']}
      submitLabel={t('workspace.form.cancel-package.submit')}
      hint={t('workspace.form.cancel-package.hint')}
      body={(data) => ({ reason: text(data, 'reason') })}
      fields={() => <TextAreaField name="reason" label={t('workspace.field.reason')} rows={3} />}
    />
  );
}

export function ClosePackageForm() {
  const t = useT();
  return (
    <PackageStepForm
      step="close"
      statuses={['delivered']}
      submitLabel={t('workspace.form.close-package.submit')}
      hint={t('workspace.form.close-package.hint')}
    />
  );
}
